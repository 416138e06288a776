package io.celerity.internal.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final String FIELDS =
            "a cron has 5 (minute hour day-of-month month day-of-week) or 6 (second first)";

    private static Instant utc(int year, int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, 0, UTC).toInstant();
    }

    /** An instant written with its offset, so that each side of a daylight saving change is explicit. */
    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static List<Instant> at(String date, String... timesWithOffset) {
        List<Instant> instants = new ArrayList<>();
        for (String time : timesWithOffset) {
            instants.add(at(date + "T" + time));
        }
        return instants;
    }

    private static Instant next(String cron, Instant after, ZoneId zone) {
        return CronExpression.parse(cron).next(after, zone).orElseThrow();
    }

    /** The next {@code count} firings after {@code after}, each found from the one before. */
    private static List<Instant> firings(String cron, Instant after, ZoneId zone, int count) {
        CronExpression expression = CronExpression.parse(cron);
        List<Instant> firings = new ArrayList<>();
        Instant last = after;
        while (firings.size() < count) {
            last = expression.next(last, zone).orElseThrow();
            firings.add(last);
        }
        return firings;
    }

    /** The firings from {@code from} (included) to {@code until} (excluded). */
    private static List<Instant> firingsBetween(String cron, Instant from, Instant until, ZoneId zone) {
        CronExpression expression = CronExpression.parse(cron);
        List<Instant> firings = new ArrayList<>();
        Instant last = expression.next(from.minusNanos(1), zone).orElseThrow();
        while (last.isBefore(until)) {
            firings.add(last);
            last = expression.next(last, zone).orElseThrow();
        }
        return firings;
    }

    private static String error(String cron) {
        return assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(cron)).getMessage();
    }

    @Test
    void fiveFields_fireAtSecondZero() {
        assertEquals(List.of(utc(2026, 1, 1, 9, 30, 0), utc(2026, 1, 2, 9, 30, 0)),
                firings("30 9 * * *", utc(2026, 1, 1, 0, 0, 0), UTC, 2));
    }

    @Test
    void sixFields_putTheSecondFirst() {
        assertEquals(utc(2026, 1, 1, 9, 30, 15), next("15 30 9 * * *", utc(2026, 1, 1, 0, 0, 0), UTC));
        assertEquals(List.of(utc(2026, 1, 1, 0, 0, 20), utc(2026, 1, 1, 0, 0, 40), utc(2026, 1, 1, 0, 1, 0)),
                firings("*/20 * * * * *", utc(2026, 1, 1, 0, 0, 0), UTC, 3));
    }

    @Test
    void star_matchesEveryValue() {
        assertEquals(List.of(utc(2026, 1, 1, 0, 1, 0), utc(2026, 1, 1, 0, 2, 0)),
                firings("* * * * *", utc(2026, 1, 1, 0, 0, 0), UTC, 2));
        assertEquals(List.of(utc(2026, 1, 1, 0, 0, 1), utc(2026, 1, 1, 0, 0, 2)),
                firings("* * * * * *", utc(2026, 1, 1, 0, 0, 0), UTC, 2));
    }

    @Test
    void numbersRangesStepsAndLists() {
        Instant beforeNewYear = utc(2025, 12, 31, 23, 59, 59);
        assertEquals(List.of(utc(2026, 1, 1, 9, 0, 0), utc(2026, 1, 1, 10, 0, 0), utc(2026, 1, 1, 11, 0, 0),
                utc(2026, 1, 2, 9, 0, 0)), firings("0 9-11 * * *", beforeNewYear, UTC, 4));
        assertEquals(List.of(utc(2026, 1, 1, 0, 0, 0), utc(2026, 1, 1, 0, 15, 0), utc(2026, 1, 1, 0, 30, 0),
                utc(2026, 1, 1, 0, 45, 0), utc(2026, 1, 1, 1, 0, 0)), firings("*/15 * * * *", beforeNewYear, UTC, 5));
        assertEquals(List.of(utc(2026, 1, 1, 0, 10, 0), utc(2026, 1, 1, 0, 25, 0), utc(2026, 1, 1, 0, 40, 0),
                utc(2026, 1, 1, 1, 10, 0)), firings("10-40/15 * * * *", beforeNewYear, UTC, 4));
        assertEquals(List.of(utc(2026, 1, 1, 0, 50, 0), utc(2026, 1, 1, 0, 55, 0), utc(2026, 1, 1, 1, 50, 0)),
                firings("50/5 * * * *", beforeNewYear, UTC, 3));
        assertEquals(List.of(utc(2026, 1, 1, 0, 0, 0), utc(2026, 1, 1, 0, 5, 0), utc(2026, 1, 1, 0, 6, 0),
                utc(2026, 1, 1, 0, 7, 0), utc(2026, 1, 1, 0, 20, 0), utc(2026, 1, 1, 0, 40, 0),
                utc(2026, 1, 1, 1, 0, 0)),
                firings("0,5-7,*/20 * * * *", beforeNewYear, UTC, 7));
        assertEquals(List.of(utc(2026, 1, 1, 0, 0, 0), utc(2026, 1, 11, 0, 0, 0), utc(2026, 1, 21, 0, 0, 0),
                utc(2026, 1, 31, 0, 0, 0), utc(2026, 2, 1, 0, 0, 0)), firings("0 0 1/10 * *", beforeNewYear, UTC, 5));
    }

    @Test
    void questionMark_isAStar_inTheDayFields() {
        Instant start = utc(2026, 1, 1, 0, 0, 0);
        assertEquals(firings("0 0 * * MON", start, UTC, 3), firings("0 0 ? * MON", start, UTC, 3));
        assertEquals(firings("0 0 1 * *", start, UTC, 3), firings("0 0 1 * ?", start, UTC, 3));
    }

    @Test
    void monthAndDayNames_caseInsensitive_asValuesAndInRanges() {
        assertEquals(List.of(utc(2026, 7, 1, 0, 0, 0), utc(2027, 1, 1, 0, 0, 0)),
                firings("0 0 1 jan,Jul *", utc(2026, 2, 1, 0, 0, 0), UTC, 2));
        assertEquals(List.of(utc(2027, 2, 1, 0, 0, 0), utc(2027, 4, 1, 0, 0, 0)),
                firings("0 0 1 FEB-apr/2 *", utc(2026, 6, 1, 0, 0, 0), UTC, 2));
        // 2026-01-02 is a Friday
        assertEquals(List.of(utc(2026, 1, 2, 0, 0, 0), utc(2026, 1, 5, 0, 0, 0), utc(2026, 1, 6, 0, 0, 0)),
                firings("0 0 * * mon-FRI", utc(2026, 1, 1, 12, 0, 0), UTC, 3));
    }

    @Test
    void sunday_isZeroAndSeven() {
        Instant thursday = utc(2026, 1, 1, 12, 0, 0);
        List<Instant> sundays = List.of(utc(2026, 1, 4, 0, 0, 0), utc(2026, 1, 11, 0, 0, 0));
        assertEquals(sundays, firings("0 0 * * 0", thursday, UTC, 2));
        assertEquals(sundays, firings("0 0 * * 7", thursday, UTC, 2));
        assertEquals(sundays, firings("0 0 * * sun", thursday, UTC, 2));
        assertEquals(List.of(utc(2026, 1, 2, 0, 0, 0), utc(2026, 1, 3, 0, 0, 0), utc(2026, 1, 4, 0, 0, 0),
                utc(2026, 1, 9, 0, 0, 0)), firings("0 0 * * 5-7", thursday, UTC, 4));
        assertEquals(List.of(utc(2026, 1, 3, 0, 0, 0), utc(2026, 1, 4, 0, 0, 0), utc(2026, 1, 6, 0, 0, 0)),
                firings("0 0 * * */2", thursday, UTC, 3));
    }

    @Test
    void bothDayFieldsRestricted_aDayMatchesIfEitherDoes() {
        Instant february = utc(2026, 2, 1, 12, 0, 0);
        // February 2026: Fridays are the 6th, 13th, 20th and 27th
        assertEquals(List.of(utc(2026, 2, 6, 0, 0, 0), utc(2026, 2, 10, 0, 0, 0), utc(2026, 2, 13, 0, 0, 0),
                utc(2026, 2, 20, 0, 0, 0)), firings("0 0 10 * FRI", february, UTC, 4));
        assertEquals(List.of(utc(2026, 2, 10, 0, 0, 0), utc(2026, 3, 10, 0, 0, 0)),
                firings("0 0 10 * *", february, UTC, 2));
        assertEquals(List.of(utc(2026, 2, 10, 0, 0, 0), utc(2026, 3, 10, 0, 0, 0)),
                firings("0 0 10 * ?", february, UTC, 2));
        assertEquals(List.of(utc(2026, 2, 6, 0, 0, 0), utc(2026, 2, 13, 0, 0, 0)),
                firings("0 0 * * FRI", february, UTC, 2));
        assertEquals(List.of(utc(2026, 2, 6, 0, 0, 0), utc(2026, 2, 13, 0, 0, 0)),
                firings("0 0 ? * FRI", february, UTC, 2));
        // a step is a restriction: day 11, 21 or any Friday
        assertEquals(List.of(utc(2026, 2, 6, 0, 0, 0), utc(2026, 2, 11, 0, 0, 0), utc(2026, 2, 13, 0, 0, 0)),
                firings("0 0 */10 * FRI", february, UTC, 3));
    }

    @Test
    void rollsOverMonthsYearsAndLeapDays() {
        assertEquals(utc(2027, 1, 1, 0, 0, 0), next("0 0 1 1 *", utc(2026, 6, 15, 0, 0, 0), UTC));
        assertEquals(List.of(utc(2026, 3, 31, 0, 0, 0), utc(2026, 5, 31, 0, 0, 0), utc(2026, 7, 31, 0, 0, 0),
                utc(2026, 8, 31, 0, 0, 0)), firings("0 0 31 * *", utc(2026, 1, 31, 0, 0, 0), UTC, 4));
        assertEquals(utc(2027, 12, 31, 23, 59, 59), next("59 59 23 31 12 *", utc(2026, 12, 31, 23, 59, 59), UTC));
        assertEquals(utc(2027, 1, 1, 0, 0, 0), next("* * * * * *", utc(2026, 12, 31, 23, 59, 59), UTC));
        assertEquals(List.of(utc(2028, 2, 29, 0, 0, 0), utc(2032, 2, 29, 0, 0, 0)),
                firings("0 0 29 2 *", utc(2026, 1, 1, 0, 0, 0), UTC, 2));
    }

    @Test
    void searchesFiveYears_thenGivesUp() {
        // 2100 is no leap year, and 2104 is more than five years after 2096
        assertEquals(Optional.empty(), CronExpression.parse("0 0 29 2 *").next(utc(2096, 3, 1, 0, 0, 0), UTC));
    }

    @Test
    void next_isStrictlyAfter() {
        assertEquals(utc(2026, 1, 2, 12, 0, 0), next("0 0 12 * * *", utc(2026, 1, 1, 12, 0, 0), UTC));
        assertEquals(utc(2026, 1, 1, 12, 0, 0), next("0 0 12 * * *", utc(2026, 1, 1, 12, 0, 0).minusNanos(1), UTC));
        assertEquals(utc(2026, 1, 2, 12, 0, 0), next("0 0 12 * * *", utc(2026, 1, 1, 12, 0, 0).plusNanos(1), UTC));
        assertEquals(utc(2026, 1, 1, 0, 0, 1), next("* * * * * *", utc(2026, 1, 1, 0, 0, 0).plusMillis(500), UTC));
    }

    @Test
    void macros_standForTheirFiveFieldForms() {
        Instant start = utc(2026, 6, 15, 10, 20, 0);
        assertEquals(utc(2027, 1, 1, 0, 0, 0), next("@yearly", start, UTC));
        assertEquals(utc(2027, 1, 1, 0, 0, 0), next("@annually", start, UTC));
        assertEquals(utc(2026, 7, 1, 0, 0, 0), next("@monthly", start, UTC));
        assertEquals(utc(2026, 6, 21, 0, 0, 0), next("@weekly", start, UTC));
        assertEquals(utc(2026, 6, 16, 0, 0, 0), next("@daily", start, UTC));
        assertEquals(utc(2026, 6, 16, 0, 0, 0), next("@MIDNIGHT", start, UTC));
        assertEquals(utc(2026, 6, 15, 11, 0, 0), next("@hourly", start, UTC));
    }

    @Test
    void text_isTrimmedWithSingleSpaces_andDecidesEquality() {
        CronExpression spaced = CronExpression.parse("  0  0 *\t* * ");
        assertEquals("0 0 * * *", spaced.toString());
        assertEquals(CronExpression.parse("0 0 * * *"), spaced);
        assertEquals(CronExpression.parse("0 0 * * *").hashCode(), spaced.hashCode());
        assertNotEquals(CronExpression.parse("0 0 * * 0"), spaced);
        assertEquals("@daily", CronExpression.parse(" @daily ").toString());
    }

    @Test
    void wrongNumberOfFields_orNone() {
        assertEquals("'0 0 * *' has 4 fields; " + FIELDS, error("0 0 * *"));
        assertEquals("'0 0 0 * * * *' has 7 fields; " + FIELDS, error("0 0 0 * * * *"));
        assertEquals("the cron expression is empty; " + FIELDS, error(" "));
        assertEquals("the cron expression is empty; " + FIELDS, error(null));
        assertEquals("'@reboot' is not a cron macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, "
                + "@hourly or fields: " + FIELDS, error("@reboot"));
    }

    @Test
    void valuesOutOfRange_nameTheFieldAndTheRange() {
        assertEquals("minute field '61' is out of range 0-59", error("61 * * * *"));
        assertEquals("second field '60' is out of range 0-59", error("60 * * * * *"));
        assertEquals("hour field '24' is out of range 0-23", error("0 24 * * *"));
        assertEquals("day-of-month field '0' is out of range 1-31", error("0 0 0 * *"));
        assertEquals("day-of-month field '32' is out of range 1-31", error("0 0 1-32 * *"));
        assertEquals("month field '13' is out of range 1-12 or JAN-DEC", error("0 0 * 13 *"));
        assertEquals("day-of-week field '8' is out of range 0-7 (0 and 7 are Sunday) or SUN-SAT", error("0 0 * * 8"));
        assertEquals("minute field '99999999999' is out of range 0-59", error("99999999999 * * * *"));
    }

    @Test
    void badSteps_rangesAndLists() {
        assertEquals("step 0 in '*/0' of the minute field; a step is a number 1-59", error("*/0 * * * *"));
        assertEquals("step 60 in '*/60' of the minute field; a step is a number 1-59", error("*/60 * * * *"));
        assertEquals("step x in '1-5/x' of the hour field; a step is a number 1-23", error("0 1-5/x * * *"));
        assertEquals("step 7 in '*/7' of the day-of-week field; a step is a number 1-6", error("0 0 * * */7"));
        assertEquals("reversed range '5-1' in hour field; write the lower value first", error("0 5-1 * * *"));
        assertEquals("reversed range 'FRI-SUN' in day-of-week field; write the lower value first, "
                + "and Sunday at the end of a range as 7", error("0 0 * * FRI-SUN"));
        assertEquals("minute field '1,,2' has an empty list element", error("1,,2 * * * *"));
        assertEquals("minute field '-1' has a range with a missing end; write a-b with a and b in 0-59",
                error("-1 * * * *"));
        assertEquals("hour field '5-/2' has a range with a missing end; write a-b with a and b in 0-23",
                error("0 5-/2 * * *"));
    }

    @Test
    void unknownTokens_sayWhatIsAllowed() {
        assertEquals("minute field 'a' is not a number; allowed are 0-59, *, "
                + "ranges a-b, steps */n, a-b/n, a/n and lists of these separated by commas", error("a * * * *"));
        assertEquals("month field 'MON' is not a number or name; allowed are 1-12 or JAN-DEC, *, "
                + "ranges a-b, steps */n, a-b/n, a/n and lists of these separated by commas", error("0 0 * MON *"));
        assertEquals("day-of-month field 'L' is not a number; allowed are 1-31, *, ?, "
                + "ranges a-b, steps */n, a-b/n, a/n and lists of these separated by commas "
                + "(L, W and # are not supported)", error("0 0 L * *"));
        assertEquals("day-of-week field '5#3' is not a number or name; "
                + "allowed are 0-7 (0 and 7 are Sunday) or SUN-SAT, *, ?, "
                + "ranges a-b, steps */n, a-b/n, a/n and lists of these separated by commas "
                + "(L, W and # are not supported)", error("0 0 * * 5#3"));
        assertEquals("'?' is allowed only in the day-of-month and day-of-week fields, not in the minute field",
                error("? * * * *"));
    }

    @Test
    void anExpressionThatNeverFires_isRefused() {
        assertEquals("'0 0 30 2 *' never fires (no date matches its day and month fields)", error("0 0 30 2 *"));
        assertEquals("'0 0 31 4,6,9,11 *' never fires (no date matches its day and month fields)",
                error("0 0 31 4,6,9,11 *"));
        assertEquals("'0 0 0 31 FEB ?' never fires (no date matches its day and month fields)",
                error("0 0 0 31 FEB ?"));
    }

    @Test
    void aRestrictedDayOfWeek_alwaysMatchesSomeDay() {
        // February 30 never comes, but the Mondays of February do (2026-02-02 is one)
        assertEquals(utc(2026, 2, 2, 0, 0, 0), next("0 0 30 2 MON", utc(2026, 1, 1, 0, 0, 0), UTC));
    }

    @Test
    void berlin_dailyAt0230_springForward_firesOncePerDay_atTheEndOfTheGap() {
        assertEquals(List.of(at("2026-03-28T02:30+01:00"), at("2026-03-29T03:00+02:00"), at("2026-03-30T02:30+02:00"),
                        at("2026-03-31T02:30+02:00")),
                firings("0 30 2 * * *", at("2026-03-28T00:00+01:00"), BERLIN, 4));
        assertEquals(firings("0 30 2 * * *", at("2026-03-28T00:00+01:00"), BERLIN, 4),
                firings("30 2 * * *", at("2026-03-28T00:00+01:00"), BERLIN, 4));
    }

    @Test
    void berlin_dailyAt0230_fallBack_firesOncePerDay_atTheFirstOccurrence() {
        assertEquals(List.of(at("2026-10-24T02:30+02:00"), at("2026-10-25T02:30+02:00"), at("2026-10-26T02:30+01:00"),
                        at("2026-10-27T02:30+01:00")),
                firings("0 30 2 * * *", at("2026-10-24T00:00+02:00"), BERLIN, 4));
    }

    @Test
    void berlin_every15Minutes_springForward_theGapCollapsesIntoOneFiringAtItsEnd() {
        assertEquals(at("2026-03-29",
                        "00:00+01:00", "00:15+01:00", "00:30+01:00", "00:45+01:00",
                        "01:00+01:00", "01:15+01:00", "01:30+01:00", "01:45+01:00",
                        "03:00+02:00", "03:15+02:00", "03:30+02:00", "03:45+02:00",
                        "04:00+02:00", "04:15+02:00", "04:30+02:00", "04:45+02:00"),
                firingsBetween("0 */15 * * * *", at("2026-03-29T00:00+01:00"), at("2026-03-29T05:00+02:00"), BERLIN));
    }

    @Test
    void berlin_every15Minutes_fallBack_firesThroughBothPassesOfTheRepeatedHour() {
        assertEquals(at("2026-10-25",
                        "00:00+02:00", "00:15+02:00", "00:30+02:00", "00:45+02:00",
                        "01:00+02:00", "01:15+02:00", "01:30+02:00", "01:45+02:00",
                        "02:00+02:00", "02:15+02:00", "02:30+02:00", "02:45+02:00",
                        "02:00+01:00", "02:15+01:00", "02:30+01:00", "02:45+01:00",
                        "03:00+01:00", "03:15+01:00", "03:30+01:00", "03:45+01:00",
                        "04:00+01:00", "04:15+01:00", "04:30+01:00", "04:45+01:00"),
                firingsBetween("0 */15 * * * *", at("2026-10-25T00:00+02:00"), at("2026-10-25T05:00+01:00"), BERLIN));
    }

    @Test
    void berlin_hourlyAtHalfPast_firesInBothPasses_andOnceForTheGap() {
        assertEquals(at("2026-10-25", "00:30+02:00", "01:30+02:00", "02:30+02:00", "02:30+01:00", "03:30+01:00",
                        "04:30+01:00"),
                firingsBetween("0 30 * * * *", at("2026-10-25T00:00+02:00"), at("2026-10-25T05:00+01:00"), BERLIN));
        assertEquals(at("2026-03-29", "00:30+01:00", "01:30+01:00", "03:00+02:00", "03:30+02:00", "04:30+02:00"),
                firingsBetween("0 30 * * * *", at("2026-03-29T00:00+01:00"), at("2026-03-29T05:00+02:00"), BERLIN));
    }

    @Test
    void berlin_someHoursOnly_fireOnceInTheRepeatedHour_andThreeOClockOnceAfterTheGap() {
        assertEquals(at("2026-10-25", "01:00+02:00", "01:30+02:00", "02:00+02:00", "02:30+02:00", "03:00+01:00",
                        "03:30+01:00"),
                firingsBetween("0 0/30 1-3 * * *", at("2026-10-25T00:00+02:00"), at("2026-10-25T05:00+01:00"), BERLIN));
        assertEquals(at("2026-03-29", "03:00+02:00", "03:30+02:00"),
                firingsBetween("0 0,30 2,3 * * *", at("2026-03-29T00:00+01:00"), at("2026-03-29T05:00+02:00"), BERLIN));
    }

    @Test
    void berlin_searchesStartingInsideTheRepeatedHour() {
        assertEquals(at("2026-10-26T02:30+01:00"), next("0 30 2 * * *", at("2026-10-25T02:40+02:00"), BERLIN));
        assertEquals(at("2026-10-26T02:30+01:00"), next("0 30 2 * * *", at("2026-10-25T02:10+01:00"), BERLIN));
        assertEquals(at("2026-10-25T02:00+01:00"), next("0 0 * * * *", at("2026-10-25T02:50+02:00"), BERLIN));
        assertEquals(at("2026-10-25T02:15+01:00"), next("0 */15 * * * *", at("2026-10-25T02:10+01:00"), BERLIN));
    }

    @Test
    void newYork_dailyJobs_acrossBothChanges() {
        assertEquals(List.of(at("2026-03-07T02:30-05:00"), at("2026-03-08T03:00-04:00"), at("2026-03-09T02:30-04:00")),
                firings("30 2 * * *", at("2026-03-07T00:00-05:00"), NEW_YORK, 3));
        assertEquals(List.of(at("2026-10-31T01:30-04:00"), at("2026-11-01T01:30-04:00"), at("2026-11-02T01:30-05:00")),
                firings("30 1 * * *", at("2026-10-31T00:00-04:00"), NEW_YORK, 3));
    }

    @Test
    void lordHowe_halfHourChanges() {
        // spring forward: 02:00 to 02:30 on 2026-10-04; fall back: 02:00 to 01:30 on 2026-04-05
        assertEquals(List.of(at("2026-10-03T02:15+10:30"), at("2026-10-04T02:30+11:00"), at("2026-10-05T02:15+11:00")),
                firings("15 2 * * *", at("2026-10-03T00:00+10:30"), LORD_HOWE, 3));
        assertEquals(List.of(at("2026-04-04T01:45+11:00"), at("2026-04-05T01:45+11:00"), at("2026-04-06T01:45+10:30")),
                firings("45 1 * * *", at("2026-04-04T00:00+11:00"), LORD_HOWE, 3));
        assertEquals(at("2026-04-05", "01:00+11:00", "01:15+11:00", "01:30+11:00", "01:45+11:00",
                        "01:30+10:30", "01:45+10:30", "02:00+10:30", "02:15+10:30"),
                firingsBetween("*/15 * * * *", at("2026-04-05T01:00+11:00"), at("2026-04-05T02:30+10:30"), LORD_HOWE));
    }

    @Test
    void utcAndFixedOffsets_haveNoSpecialCases() {
        List<Instant> quarterHours = new ArrayList<>();
        for (int minutes = 0; minutes < 5 * 60; minutes += 15) {
            quarterHours.add(utc(2026, 3, 29, 0, 0, 0).plusSeconds(minutes * 60L));
        }
        assertEquals(quarterHours,
                firingsBetween("0 */15 * * * *", utc(2026, 3, 29, 0, 0, 0), utc(2026, 3, 29, 5, 0, 0), UTC));
        assertEquals(List.of(utc(2026, 10, 25, 2, 30, 0), utc(2026, 10, 26, 2, 30, 0)),
                firings("30 2 * * *", utc(2026, 10, 25, 0, 0, 0), UTC, 2));
        assertEquals(List.of(at("2026-10-25T02:30+05:30"), at("2026-10-26T02:30+05:30")),
                firings("30 2 * * *", at("2026-10-25T00:00+05:30"), ZoneId.of("Asia/Kolkata"), 2));
    }
}
