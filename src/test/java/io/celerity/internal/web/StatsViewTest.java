package io.celerity.internal.web;

import io.celerity.internal.metrics.TimeDistribution;
import io.celerity.internal.store.StatTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsViewTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:17:42Z");

    @Test
    void everyBucketIsThere_oldestFirst_withZerosWhereNothingHappened() {
        StatsView view = StatsView.of(StatsWindow.HOUR.span(NOW),
                List.of(minute("2026-12-05T10:17:00Z", 3, 1, 1, 1), minute("2026-12-05T09:18:00Z", 1, 0, 0, 0)),
                Map.of());

        assertEquals("hour", view.window());
        assertEquals(60, view.bucketSeconds());
        assertEquals(60, view.series().size());
        assertEquals(new StatsView.Bucket(Instant.parse("2026-12-05T09:18:00Z"), 1, 0, 0, 0), view.series().get(0));
        assertEquals(new StatsView.Bucket(Instant.parse("2026-12-05T09:19:00Z"), 0, 0, 0, 0), view.series().get(1));
        assertEquals(new StatsView.Bucket(Instant.parse("2026-12-05T10:17:00Z"), 3, 1, 1, 1), view.series().get(59));
    }

    @Test
    void theDay_addsTheMinutesOfEachTenMinutes() {
        StatsView view = StatsView.of(StatsWindow.DAY.span(NOW),
                List.of(minute("2026-12-05T10:10:00Z", 1, 1, 0, 0), minute("2026-12-05T10:17:00Z", 2, 0, 1, 0),
                        minute("2026-12-05T10:09:00Z", 5, 0, 0, 0)),
                Map.of());

        assertEquals(144, view.series().size());
        assertEquals(new StatsView.Bucket(Instant.parse("2026-12-05T10:10:00Z"), 3, 1, 1, 0), view.series().get(143));
        assertEquals(new StatsView.Bucket(Instant.parse("2026-12-05T10:00:00Z"), 5, 0, 0, 0), view.series().get(142));
    }

    @Test
    void runTimes_arePercentilesPerTask_forTasksThatRan() {
        long[] counts = new long[TimeDistribution.BUCKETS];
        counts[3] = 10;
        StatsView view = StatsView.of(StatsWindow.HOUR.span(NOW), List.of(),
                Map.of("a", TimeDistribution.of(counts, 24_000), "b", TimeDistribution.EMPTY));

        assertEquals(List.of(new StatsView.RunTime("a", 10, 17, 22.6, 23.86, 24)), view.runTimes());
    }

    private static StatTable.MinuteCounts minute(String at, long started, long succeeded, long failed, long retried) {
        return new StatTable.MinuteCounts(Instant.parse(at).toEpochMilli(), started, succeeded, failed, retried);
    }
}
