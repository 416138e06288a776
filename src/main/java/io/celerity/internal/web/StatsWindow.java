package io.celerity.internal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The windows {@code GET stats} charts: the last hour in minutes, the last day in ten minutes. A window ends with the
 * bucket that holds now, its buckets aligned to their size since the epoch (so to the hour and to the day in UTC).
 */
enum StatsWindow {

    HOUR("hour", 60, Duration.ofMinutes(1)),
    DAY("day", 144, Duration.ofMinutes(10));

    private final String id;
    private final int buckets;
    private final Duration bucket;

    StatsWindow(String id, int buckets, Duration bucket) {
        this.id = id;
        this.buckets = buckets;
        this.bucket = bucket;
    }

    /** The buckets of one window: from the start of the first (inclusive) to the end of the last (exclusive). */
    record Span(StatsWindow window, Instant from, Instant to) {

        /** The start of each bucket, oldest first. */
        Instant at(int index) {
            return from.plus(window.bucket.multipliedBy(index));
        }

        /** The bucket that holds an instant (epoch milliseconds) of the span. */
        int indexOf(long millis) {
            return (int) ((millis - from.toEpochMilli()) / window.bucket.toMillis());
        }
    }

    /**
     * The window a request names, the hour when it names none.
     *
     * @throws ApiProblem 400 for any other name
     */
    static StatsWindow of(String id) {
        if (id == null) {
            return HOUR;
        }
        return Arrays.stream(values()).filter(window -> window.id.equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("window is hour or day, not '" + id + "'"));
    }

    /** The window that ends with the bucket holding {@code now}. */
    Span span(Instant now) {
        long size = bucket.toMillis();
        long millis = now.toEpochMilli();
        Instant last = Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
        return new Span(this, last.minus(bucket.multipliedBy(buckets - 1L)), last.plus(bucket));
    }

    String id() {
        return id;
    }

    int buckets() {
        return buckets;
    }

    long bucketSeconds() {
        return bucket.toSeconds();
    }
}
