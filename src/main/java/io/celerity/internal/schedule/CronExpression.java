package io.celerity.internal.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression for periodic tasks, and the instant it next fires in a time zone.
 *
 * <p>We evaluate cron ourselves because the candidates break on daylight saving time: Jakarta Concurrency's
 * {@code CronTrigger} (API 3.0) throws {@code ArrayIndexOutOfBoundsException} on {@code 0 30 2 * * *}, and cron-utils
 * 9.2.1 fires a daily 02:30 Europe/Berlin job twice on the autumn change day and not at all on the spring change day.
 *
 * <p>Syntax: 5 fields {@code minute hour day-of-month month day-of-week} (the second is then 0), or 6 fields with the
 * second first. A field is {@code *}, a number, a range {@code a-b}, a step <code>*&#47;n</code>, {@code a-b/n} or
 * {@code a/n} (from a to the field's end), or a comma-separated list of these. {@code ?} is {@code *} in the two day
 * fields. Months are 1-12 or JAN-DEC, days of the week 0-7 (0 and 7 are Sunday) or SUN-SAT; names are
 * case-insensitive. When both day fields are restricted (neither is exactly {@code *} or {@code ?}; a step such as
 * <code>*&#47;2</code> is a restriction) a day matches if either field does, as in Vixie cron; otherwise the restricted
 * field alone decides. {@code @yearly} and {@code @annually} stand for {@code 0 0 1 1 *}, {@code @monthly} for
 * {@code 0 0 1 * *}, {@code @weekly} for {@code 0 0 * * 0}, {@code @daily} and {@code @midnight} for
 * {@code 0 0 * * *}, {@code @hourly} for {@code 0 * * * *}. An expression that matches no date at all (such as
 * February 30) is refused.
 *
 * <p>Time zones and daylight saving time:
 * <ul>
 * <li>The fields match the wall-clock (local) time in the zone.</li>
 * <li>Spring forward: a matching local time that does not exist (02:30 on 2026-03-29 in Europe/Berlin) fires once,
 * at the instant the clock jumps to (03:00 local, the end of the gap); it is never skipped. Several matching local
 * times in the same gap (02:00, 02:15, 02:30, 02:45) fire once together at the end of the gap, never as a burst, and
 * local times after the gap (03:15, 03:30, ...) fire as usual; 03:00, if it matches, is the same instant as the gap's
 * firing and fires once.</li>
 * <li>Fall back: a matching local time that occurs twice (02:30 on 2026-10-25 in Europe/Berlin) fires once, at its
 * first occurrence (the offset before the change, +02:00). The exception is an hour field that matches all 24 hours
 * ({@code *} or {@code 0-23}; <code>*&#47;2</code> does not): then the repeated local times are distinct real times
 * and fire in both passes, so {@code 0 30 * * * *} fires at 02:30+02:00 and at 02:30+01:00, and
 * <code>0 *&#47;15 * * * *</code> keeps firing every 15 minutes through the repeated hour.</li>
 * <li>Zones without daylight saving time, and UTC, have no such cases.</li>
 * </ul>
 * The search for the next firing looks 5 years ahead, which only a schedule on February 29 after 2096 outruns
 * (2100 is no leap year).
 */
public final class CronExpression {

    private static final String FIELDS =
            "a cron has 5 (minute hour day-of-month month day-of-week) or 6 (second first)";
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final int SEARCH_YEARS = 5;

    private final String text;
    private final WallClockSchedule schedule;

    private CronExpression(String text, WallClockSchedule schedule) {
        this.text = text;
        this.schedule = schedule;
    }

    /** @throws IllegalArgumentException naming the field, the bad part and what is allowed */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the cron expression is empty; " + FIELDS);
        }
        String normalised = String.join(" ", text.strip().split("\\s+"));
        String fieldsText = normalised.startsWith("@") ? macro(normalised) : normalised;
        String[] fields = fieldsText.split(" ");
        if (fields.length != 5 && fields.length != 6) {
            throw new IllegalArgumentException("'" + normalised + "' has " + fields.length + " fields; " + FIELDS);
        }
        int at = fields.length - 5;
        String dayOfMonth = fields[at + 2];
        String dayOfWeek = fields[at + 4];
        WallClockSchedule schedule = new WallClockSchedule(
                at == 0 ? 1L : CronField.SECOND.parse(fields[0]),
                CronField.MINUTE.parse(fields[at]),
                CronField.HOUR.parse(fields[at + 1]),
                CronField.DAY_OF_MONTH.parse(dayOfMonth),
                CronField.MONTH.parse(fields[at + 3]),
                CronField.DAY_OF_WEEK.parse(dayOfWeek),
                !CronField.isUnrestricted(dayOfMonth),
                !CronField.isUnrestricted(dayOfWeek));
        if (!schedule.matchesSomeDate()) {
            throw new IllegalArgumentException(
                    "'" + normalised + "' never fires (no date matches its day and month fields)");
        }
        return new CronExpression(normalised, schedule);
    }

    private static String macro(String text) {
        String fields = MACROS.get(text.toLowerCase(Locale.ROOT));
        if (fields == null) {
            throw new IllegalArgumentException("'" + text + "' is not a cron macro; use @yearly, @annually, @monthly, "
                    + "@weekly, @daily, @midnight, @hourly or fields: " + FIELDS);
        }
        return fields;
    }

    /**
     * The first firing instant strictly after {@code after}, with the fields read as wall-clock time in {@code zone};
     * empty if none within 5 years.
     */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant limit = after.atZone(zone).plusYears(SEARCH_YEARS).toInstant();
        // The time line is walked in spans of one offset, from one transition to the next; within a span the local
        // time grows with the instant, so the first local match in the span is the first firing in it.
        Instant spanStart = after;
        LocalDateTime from = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ZoneOffsetTransition repeating = repeatingOverlap(rules, after);
        while (spanStart.isBefore(limit)) {
            ZoneOffset offset = rules.getOffset(spanStart);
            ZoneOffsetTransition end = rules.nextTransition(spanStart);
            boolean endsBeforeLimit = end != null && end.getInstant().isBefore(limit);
            // in the second pass of a repeated hour, its local times fire again only if every hour matches
            if (repeating != null && !schedule.matchesEveryHour() && from.isBefore(repeating.getDateTimeBefore())) {
                from = repeating.getDateTimeBefore();
            }
            LocalDateTime spanEnd = LocalDateTime.ofInstant(endsBeforeLimit ? end.getInstant() : limit, offset);
            Optional<LocalDateTime> match = schedule.firstMatch(from, spanEnd);
            if (match.isPresent()) {
                return Optional.of(match.get().toInstant(offset));
            }
            if (!endsBeforeLimit) {
                return Optional.empty();
            }
            if (end.isGap() && schedule.firstMatch(end.getDateTimeBefore(), end.getDateTimeAfter()).isPresent()) {
                return Optional.of(end.getInstant());
            }
            spanStart = end.getInstant();
            from = end.getDateTimeAfter();
            repeating = end.isOverlap() ? end : null;
        }
        return Optional.empty();
    }

    /** @return the overlap whose second pass {@code instant} is in, or null */
    private static ZoneOffsetTransition repeatingOverlap(ZoneRules rules, Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        ZoneOffsetTransition transition = rules.getTransition(LocalDateTime.ofInstant(instant, offset));
        return transition != null && transition.isOverlap() && transition.getOffsetAfter().equals(offset)
                ? transition : null;
    }

    /** The text as given (trimmed, single spaces). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
