package io.celerity.internal.schedule;

import io.celerity.api.TaskOptions;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.dispatch.TaskDispatcher;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.ScheduleRow;
import io.celerity.internal.store.ScheduleTable;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Starts the runs of schedules: a due tick is claimed and its task enqueued in one transaction, so the tick has a run
 * if and only if its claim commits, on exactly one node. The run's task id is derived from the schedule and the tick:
 * should two claims of one tick ever both commit, the second task row could not be inserted.
 */
@ApplicationScoped
public class ScheduleRuns {

    @Inject
    ScheduleTable table;

    @Inject
    TaskRegistry registry;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * Claims the due tick of a schedule as read at {@code seen}, and enqueues its run unless the tick was missed and
     * is skipped.
     *
     * @return whether this node claimed the tick
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fire(ScheduleRow row, Instant seen) {
        long due = row.nextRunAt();
        Timing.Tick tick = Timing.due(row, due, seen, config.schedules().missedAfter());
        if (!tick.run()) {
            return table.claim(row, tick.next(), null);
        }
        String taskId = tickTaskId(row.name(), due);
        if (!table.claim(row, tick.next(), new ScheduleTable.Run(due, taskId))) {
            return false;
        }
        enqueue(row, taskId, false);
        return true;
    }

    /** Moves a schedule past its due tick without a run, when the run cannot be enqueued. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean skip(ScheduleRow row, Instant seen) {
        return table.claim(row, Timing.due(row, row.nextRunAt(), seen, config.schedules().missedAfter())
                .next(), null);
    }

    /**
     * Starts a run at once, outside the ticks; returns its task id.
     *
     * @throws IllegalStateException if this node does not have the schedule's task
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public String runNow(ScheduleRow row) {
        String taskId = UUID.randomUUID().toString();
        enqueue(row, taskId, true); // first: refused input leaves nothing written
        table.recordRun(row.name(), new ScheduleTable.Run(clock.millis(), taskId));
        return taskId;
    }

    private void enqueue(ScheduleRow row, String taskId, boolean byCaller) {
        TaskDefinition task = registry.byName(row.taskName()).orElseThrow(() -> new IllegalStateException(
                ScheduleMessage.UNKNOWN_HERE.format(row.name(), row.taskName())));
        TaskOptions options = TaskOptions.of(ScheduleRows.definition(row).fields()).id(taskId);
        if (row.priority() != null) {
            options = options.priority(row.priority());
        }
        if (row.expiresMillis() != null) {
            options = options.expires(Duration.ofMillis(row.expiresMillis()));
        }
        dispatcher.enqueueRun(task, row.arguments(), options, row.name(), byCaller);
    }

    /** The task id of a schedule's run for one tick: the same on every node. */
    static String tickTaskId(String schedule, long tick) {
        return UUID.nameUUIDFromBytes(("celerity-schedule:" + schedule + "@" + tick).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
