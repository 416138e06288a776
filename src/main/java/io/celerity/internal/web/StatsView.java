package io.celerity.internal.web;

import io.celerity.internal.metrics.TimeDistribution;
import io.celerity.internal.store.StatTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task statistics of a window as {@code GET stats} shows them: every bucket of the window, oldest first, with the
 * tasks started, succeeded, failed and retried in it (zeros where nothing happened), and per task name the run times
 * of the runs that ended in the window, as estimated percentiles and the longest.
 */
public record StatsView(String window, long bucketSeconds, Instant from, Instant to, List<Bucket> series,
                        List<RunTime> runTimes) {

    /** What happened in one bucket, which starts {@code at}. */
    public record Bucket(Instant at, long started, long succeeded, long failed, long retried) {
    }

    /** The run times of one task name, in milliseconds. */
    public record RunTime(String task, long count, double p50, double p90, double p99, double max) {
    }

    /**
     * @param minutes  the counts per minute of the span (over every node and task name), in any order
     * @param runTimes the run times per task name over the span
     */
    static StatsView of(StatsWindow.Span span, List<StatTable.MinuteCounts> minutes,
                        Map<String, TimeDistribution> runTimes) {
        StatsWindow window = span.window();
        long[][] counts = new long[window.buckets()][4];
        for (StatTable.MinuteCounts minute : minutes) {
            long[] bucket = counts[span.indexOf(minute.minuteAt())];
            bucket[0] += minute.started();
            bucket[1] += minute.succeeded();
            bucket[2] += minute.failed();
            bucket[3] += minute.retried();
        }
        List<Bucket> series = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            series.add(new Bucket(span.at(i), counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
        }
        List<RunTime> times = runTimes.entrySet().stream()
                .filter(task -> task.getValue().count() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(task -> new RunTime(task.getKey(), task.getValue().count(),
                        task.getValue().percentileMillis(0.5), task.getValue().percentileMillis(0.9),
                        task.getValue().percentileMillis(0.99), task.getValue().maxMillis()))
                .toList();
        return new StatsView(window.id(), window.bucketSeconds(), span.from(), span.to(), series, times);
    }
}
