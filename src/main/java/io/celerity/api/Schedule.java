package io.celerity.api;

import java.time.Instant;

/**
 * A stored schedule as it is now: its definition, whether it was declared by {@link Periodic} (deploying the
 * application sets such a definition again), and its runs so far.
 *
 * @param nextRunAt  when it runs next; {@code null} when disabled, or a one-off schedule that has run
 * @param lastRunAt  the tick of its last run, {@code null} before the first
 * @param lastTaskId the id of the task of its last run
 * @param runCount   how many runs it has started, "run now" included
 */
public record Schedule(ScheduleDefinition definition, boolean declared, Instant nextRunAt, Instant lastRunAt,
                       String lastTaskId, long runCount) {

    public String name() {
        return definition.name();
    }
}
