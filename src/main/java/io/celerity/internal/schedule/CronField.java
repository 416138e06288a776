package io.celerity.internal.schedule;

import java.util.List;
import java.util.Locale;

/** The six fields of a cron expression, and how the text of one field is read into the set of values it matches. */
enum CronField {

    SECOND("second", 0, 59, 59, List.of(), "0-59"),
    MINUTE("minute", 0, 59, 59, List.of(), "0-59"),
    HOUR("hour", 0, 23, 23, List.of(), "0-23"),
    DAY_OF_MONTH("day-of-month", 1, 31, 31, List.of(), "1-31"),
    MONTH("month", 1, 12, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            "1-12 or JAN-DEC"),
    /** 7 is a second name for Sunday (0); a star or an open step ends the week at Saturday (6). */
    DAY_OF_WEEK("day-of-week", 0, 7, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
            "0-7 (0 and 7 are Sunday) or SUN-SAT");

    private static final int SUNDAY_AS_SEVEN = 7;

    private final String label;
    private final int min;
    private final int max;
    private final int lastOfStar;
    private final List<String> names;
    private final String allowed;

    CronField(String label, int min, int max, int lastOfStar, List<String> names, String allowed) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.lastOfStar = lastOfStar;
        this.names = names;
        this.allowed = allowed;
    }

    /** Whether the text leaves the field unrestricted, which matters for the day-of-month/day-of-week rule. */
    static boolean isUnrestricted(String text) {
        return text.equals("*") || text.equals("?");
    }

    /**
     * @return the matched values as bits, bit {@code n} set for value {@code n}; Sunday is always bit 0
     * @throws IllegalArgumentException naming this field, the bad part and what is allowed
     */
    long parse(String text) {
        long bits = 0;
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(label + " field '" + text + "' has an empty list element");
            }
            bits |= parsePart(part);
        }
        if (this == DAY_OF_WEEK && (bits & bit(SUNDAY_AS_SEVEN)) != 0) {
            bits = bits & ~bit(SUNDAY_AS_SEVEN) | bit(0);
        }
        return bits;
    }

    private long parsePart(String part) {
        int slash = part.indexOf('/');
        String range = slash < 0 ? part : part.substring(0, slash);
        int step = slash < 0 ? 1 : step(part.substring(slash + 1), part);
        int first;
        int last;
        if (isUnrestricted(range)) {
            if (range.equals("?") && !isDayField()) {
                throw new IllegalArgumentException("'?' is allowed only in the day-of-month and day-of-week fields, "
                        + "not in the " + label + " field");
            }
            first = min;
            last = lastOfStar;
        } else {
            int dash = range.indexOf('-');
            if (dash < 0) {
                first = value(range);
                last = slash < 0 ? first : Math.max(first, lastOfStar);
            } else {
                if (dash == 0 || dash == range.length() - 1) {
                    throw new IllegalArgumentException(label + " field '" + part + "' has a range with a missing end; "
                            + "write a-b with a and b in " + allowed);
                }
                first = value(range.substring(0, dash));
                last = value(range.substring(dash + 1));
                if (first > last) {
                    throw new IllegalArgumentException("reversed range '" + range + "' in " + label
                            + " field; write the lower value first"
                            + (this == DAY_OF_WEEK ? ", and Sunday at the end of a range as 7" : ""));
                }
            }
        }
        long bits = 0;
        for (int value = first; value <= last; value += step) {
            bits |= bit(value);
        }
        return bits;
    }

    private int step(String text, String part) {
        int largest = lastOfStar - min;
        int step = isNumber(text) && text.length() <= 4 ? Integer.parseInt(text) : -1;
        if (step < 1 || step > largest) {
            throw new IllegalArgumentException("step " + text + " in '" + part + "' of the " + label
                    + " field; a step is a number 1-" + largest);
        }
        return step;
    }

    private int value(String token) {
        if (isNumber(token)) {
            int value = token.length() <= 4 ? Integer.parseInt(token) : Integer.MAX_VALUE;
            if (value < min || value > max) {
                throw new IllegalArgumentException(label + " field '" + token + "' is out of range " + allowed);
            }
            return value;
        }
        int index = names.indexOf(token.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return min + index;
        }
        throw new IllegalArgumentException(label + " field '" + token + "' is not a number"
                + (names.isEmpty() ? "" : " or name") + "; allowed are " + allowed + ", *, "
                + (isDayField() ? "?, " : "")
                + "ranges a-b, steps */n, a-b/n, a/n and lists of these separated by commas"
                + (isDayField() ? " (L, W and # are not supported)" : ""));
    }

    private boolean isDayField() {
        return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long bit(int value) {
        return 1L << value;
    }
}
