package io.celerity.internal.registry;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code count} starts per {@code period}, enforced as evenly spaced slots (a token bucket holding one token,
 * as Celery's): one start every {@link #interval()}.
 */
public record RateLimit(long count, Duration period) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*/\\s*(s|sec|second|m|min|minute|h|hour)");

    /**
     * @return the limit, or {@code null} for an empty text
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static RateLimit parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; write N/s, N/m or N/h with N > 0");
        }
        Duration period = switch (matcher.group(2)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(Long.parseLong(matcher.group(1)), period);
    }

    /** The time between two starts. */
    public Duration interval() {
        return period.dividedBy(count);
    }

    @Override
    public String toString() {
        return count + "/" + period;
    }
}
