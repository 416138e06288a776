package io.celerity.internal.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The values each cron field matches, as bits (bit {@code n} set for value {@code n}, Sunday as 0), and the first
 * wall-clock date-time they all match, found field by field.
 */
record WallClockSchedule(long seconds, long minutes, long hours, long daysOfMonth, long months, long daysOfWeek,
        boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) {

    private static final long EVERY_HOUR = (1L << 24) - 1;
    private static final Year LEAP_YEAR = Year.of(2000);

    boolean matchesEveryHour() {
        return hours == EVERY_HOUR;
    }

    /**
     * Whether some date matches the day and month fields. A restricted day-of-week alone, or ORed with the
     * day-of-month, always matches: every month has every weekday.
     */
    boolean matchesSomeDate() {
        if (dayOfWeekRestricted) {
            return true;
        }
        for (int month = 1; month <= 12; month++) {
            int length = LEAP_YEAR.atMonth(month).lengthOfMonth();
            if (has(months, month) && nextAtOrAfter(daysOfMonth, 1) <= length) {
                return true;
            }
        }
        return false;
    }

    /** @return the first date-time at or after {@code from} (whole seconds) and before {@code before} that matches */
    Optional<LocalDateTime> firstMatch(LocalDateTime from, LocalDateTime before) {
        LocalDateTime time = from;
        while (time.isBefore(before)) {
            int month = time.getMonthValue();
            if (!has(months, month)) {
                int next = nextAtOrAfter(months, month + 1);
                time = next < 0 ? LocalDateTime.of(time.getYear() + 1, nextAtOrAfter(months, 1), 1, 0, 0)
                        : LocalDateTime.of(time.getYear(), next, 1, 0, 0);
                continue;
            }
            if (!matchesDay(time.toLocalDate())) {
                time = time.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            int hour = nextAtOrAfter(hours, time.getHour());
            if (hour != time.getHour()) {
                time = hour < 0 ? time.toLocalDate().plusDays(1).atStartOfDay()
                        : time.toLocalDate().atTime(hour, 0);
                continue;
            }
            int minute = nextAtOrAfter(minutes, time.getMinute());
            if (minute != time.getMinute()) {
                time = minute < 0 ? time.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                        : time.truncatedTo(ChronoUnit.HOURS).withMinute(minute);
                continue;
            }
            int second = nextAtOrAfter(seconds, time.getSecond());
            if (second != time.getSecond()) {
                time = second < 0 ? time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1)
                        : time.truncatedTo(ChronoUnit.MINUTES).withSecond(second);
                continue;
            }
            return Optional.of(time);
        }
        return Optional.empty();
    }

    private boolean matchesDay(LocalDate date) {
        boolean dayOfMonth = has(daysOfMonth, date.getDayOfMonth());
        boolean dayOfWeek = has(daysOfWeek, date.getDayOfWeek().getValue() % 7);
        return dayOfMonthRestricted && dayOfWeekRestricted ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    private static boolean has(long bits, int value) {
        return (bits & 1L << value) != 0;
    }

    /** @return the smallest value at or after {@code value} in {@code bits}, or -1 */
    private static int nextAtOrAfter(long bits, int value) {
        long rest = bits & -1L << value;
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }
}
