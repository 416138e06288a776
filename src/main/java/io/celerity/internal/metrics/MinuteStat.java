package io.celerity.internal.metrics;

/**
 * What one node counted for one task name in one minute: the runs started, the tasks that succeeded, failed or were
 * set to be retried, and the run times of the runs that ended.
 *
 * @param minuteAt the minute's start, in epoch milliseconds
 */
public record MinuteStat(long minuteAt, String task, long started, long succeeded, long failed, long retried,
                         TimeDistribution runTimes) {
}
