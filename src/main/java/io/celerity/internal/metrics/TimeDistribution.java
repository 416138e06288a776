package io.celerity.internal.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * Durations counted in the fixed buckets of Celerity's time histograms (1 ms to 1 h, and one beyond the last), with
 * the longest exactly. Distributions merge by adding their counts, so that the run times of many minutes and nodes add
 * up to one, which is read as estimated percentiles. Immutable.
 */
public final class TimeDistribution {

    /** The buckets' upper bounds in seconds, those of every time histogram of {@link TaskMetrics} too. */
    static final double[] SECONDS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900,
            3600};
    /** How many buckets a distribution has: one per bound, and one for longer durations. */
    public static final int BUCKETS = SECONDS.length + 1;
    public static final TimeDistribution EMPTY = new TimeDistribution(new long[BUCKETS], 0);

    private final long[] counts;
    private final long maxMicros;

    private TimeDistribution(long[] counts, long maxMicros) {
        this.counts = counts;
        this.maxMicros = maxMicros;
    }

    /**
     * @param counts    durations per bucket, {@link #BUCKETS} of them
     * @param maxMicros the longest duration counted, in microseconds
     */
    public static TimeDistribution of(long[] counts, long maxMicros) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException(counts.length + " buckets instead of " + BUCKETS);
        }
        return new TimeDistribution(counts.clone(), maxMicros);
    }

    /** The bucket a duration counts in. */
    static int bucketOf(Duration duration) {
        return Histogram.bucketOf(SECONDS, duration.toNanos() / 1e9);
    }

    static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    public TimeDistribution plus(TimeDistribution other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += other.counts[i];
        }
        return new TimeDistribution(sum, Math.max(maxMicros, other.maxMicros));
    }

    public long count() {
        return Arrays.stream(counts).sum();
    }

    public long[] counts() {
        return counts.clone();
    }

    public long maxMicros() {
        return maxMicros;
    }

    public double maxMillis() {
        return roundedMillis(maxMicros / 1000.0);
    }

    /**
     * The estimated duration below which this share of the durations lie, in milliseconds (to the microsecond), 0
     * when there are none: as Prometheus' {@code histogram_quantile} estimates it, by linear interpolation within the
     * bucket that holds the rank, between its lower and upper bound; the bucket beyond the last bound ends at the
     * longest duration, and no estimate exceeds it.
     *
     * @param quantile from 0 (exclusive) to 1
     */
    public double percentileMillis(double quantile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        double rank = quantile * total;
        double longest = maxMicros / 1000.0;
        long below = 0;
        int bucket = 0;
        while (bucket < BUCKETS - 1 && below + counts[bucket] < rank) {
            below += counts[bucket];
            bucket++;
        }
        double lower = bucket == 0 ? 0 : SECONDS[bucket - 1] * 1000;
        double upper = Math.min(bucket < SECONDS.length ? SECONDS[bucket] * 1000 : longest, longest);
        if (counts[bucket] == 0 || upper <= lower) {
            return roundedMillis(Math.min(upper, longest));
        }
        return roundedMillis(lower + (upper - lower) * (rank - below) / counts[bucket]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeDistribution that && maxMicros == that.maxMicros
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Long.hashCode(maxMicros);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts) + " max " + maxMicros + " us";
    }

    private static double roundedMillis(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
