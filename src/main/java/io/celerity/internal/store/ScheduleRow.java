package io.celerity.internal.store;

/**
 * One row of {@code celerity_schedule} as stored: instants as epoch milliseconds, the fields as a JSON object.
 * Exactly one of {@code cron}, {@code everyMillis} and {@code atMillis} is set.
 */
public record ScheduleRow(String name, String taskName, String cron, Long everyMillis, Long atMillis, String zone,
                          String arguments, String fields, Integer priority, Long expiresMillis, String missed,
                          boolean enabled, boolean declared, Long nextRunAt, Long lastRunAt, String lastTaskId,
                          long runCount, long version) {

    /** The same definition and counts, due next at {@code next} ({@code null}: never), enabled or not. */
    public ScheduleRow due(Long next, boolean isEnabled) {
        return new ScheduleRow(name, taskName, cron, everyMillis, atMillis, zone, arguments, fields, priority,
                expiresMillis, missed, isEnabled, declared, next, lastRunAt, lastTaskId, runCount, version);
    }
}
