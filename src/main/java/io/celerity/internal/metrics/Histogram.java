package io.celerity.internal.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations counted into fixed buckets (upper bounds, ascending), with their sum; safe for many threads. */
final class Histogram {

    private final double[] bounds;
    private final LongAdder[] counts;
    private final LongAdder overflow = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(double[] bounds) {
        this.bounds = bounds;
        counts = new LongAdder[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(double value) {
        int bucket = bucketOf(bounds, value);
        (bucket < bounds.length ? counts[bucket] : overflow).increment();
        sum.add(value);
    }

    /** The bucket a value counts in: the first whose upper bound it does not exceed, {@code bounds.length} beyond. */
    static int bucketOf(double[] bounds, double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }

    /** The upper bounds of the buckets, without +Inf. */
    double[] bounds() {
        return bounds.clone();
    }

    /**
     * Cumulative counts per bound, as Prometheus has them: observations less than or equal to each bound, and last
     * all of them (+Inf, the count), read in one pass so that they never decrease from one bound to the next.
     */
    long[] cumulative() {
        long[] cumulative = new long[bounds.length + 1];
        long running = 0;
        for (int i = 0; i < bounds.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        cumulative[bounds.length] = running + overflow.sum();
        return cumulative;
    }

    double sum() {
        return sum.sum();
    }
}
