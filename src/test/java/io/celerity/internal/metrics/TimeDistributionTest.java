package io.celerity.internal.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeDistributionTest {

    @Test
    void aDuration_countsInTheFirstBucketItDoesNotExceed() {
        assertEquals(0, TimeDistribution.bucketOf(Duration.ZERO));
        assertEquals(0, TimeDistribution.bucketOf(Duration.ofMillis(1)));
        assertEquals(1, TimeDistribution.bucketOf(Duration.ofMillis(2)));
        assertEquals(8, TimeDistribution.bucketOf(Duration.ofSeconds(1)));
        assertEquals(TimeDistribution.BUCKETS - 1, TimeDistribution.bucketOf(Duration.ofHours(2)));
    }

    @Test
    void distributions_mergeByAddingCounts_andKeepTheLongest() {
        TimeDistribution merged = of(4_000, 2, 1).plus(of(30_000, 0, 1, 3));

        long[] expected = new long[TimeDistribution.BUCKETS];
        expected[0] = 2;
        expected[1] = 2;
        expected[2] = 3;
        assertArrayEquals(expected, merged.counts());
        assertEquals(7, merged.count());
        assertEquals(30, merged.maxMillis());
    }

    @Test
    void percentiles_interpolateWithinTheirBucket() {
        // 10 runs between 10 and 25 ms, the longest 24 ms: the median is halfway through the bucket up to the longest
        TimeDistribution runs = of(24_000, 0, 0, 0, 10);
        assertEquals(17, runs.percentileMillis(0.5));
        assertEquals(22.6, runs.percentileMillis(0.9));
        assertEquals(24, runs.percentileMillis(1));
    }

    @Test
    void percentiles_crossBuckets_byRank() {
        // 90 runs up to 1 ms, 10 between 100 and 250 ms
        TimeDistribution runs = of(200_000, 90, 0, 0, 0, 0, 0, 10);
        assertEquals(0.556, runs.percentileMillis(0.5));
        assertEquals(1, runs.percentileMillis(0.9));
        assertEquals(190, runs.percentileMillis(0.99));
        assertEquals(200, runs.maxMillis());
    }

    @Test
    void beyondTheLastBound_theLongestRunEndsTheBucket() {
        long[] counts = new long[TimeDistribution.BUCKETS];
        counts[TimeDistribution.BUCKETS - 1] = 2;
        TimeDistribution runs = TimeDistribution.of(counts, 7_200_000_000L);
        assertEquals(5_400_000, runs.percentileMillis(0.5));
        assertEquals(7_200_000, runs.percentileMillis(1));
    }

    @Test
    void noRuns_readAsZero() {
        assertEquals(0, TimeDistribution.EMPTY.percentileMillis(0.5));
        assertEquals(0, TimeDistribution.EMPTY.count());
    }

    private static TimeDistribution of(long maxMicros, long... firstCounts) {
        long[] counts = new long[TimeDistribution.BUCKETS];
        System.arraycopy(firstCounts, 0, counts, 0, firstCounts.length);
        return TimeDistribution.of(counts, maxMicros);
    }
}
