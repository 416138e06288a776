package io.celerity.internal.schedule;

import io.celerity.api.MissedRun;
import io.celerity.internal.store.ScheduleRow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When a schedule runs: its first run from now, and what a node does with a due tick. A tick not started within
 * {@code missedAfter} counts as missed: its {@link MissedRun} policy decides whether it runs, and the schedule moves
 * on to its first tick after now, so that a long gap is followed by one run at most, never by every tick it held.
 * A tick on time moves the schedule on to the tick after it, so that a node that is a moment late loses none.
 */
final class Timing {

    /** What to do with a due tick: run it or not, and the schedule's next tick ({@code null}: none). */
    record Tick(boolean run, Long next) {
    }

    private Timing() {
    }

    /** The first tick strictly after {@code now}; {@code null} when there is none. */
    static Long first(ScheduleRow row, Instant now) {
        if (row.atMillis() != null) {
            // a one-off that ran at this instant does not run again when enabled again
            return row.lastRunAt() != null && row.lastRunAt() >= row.atMillis() ? null : row.atMillis();
        }
        if (row.everyMillis() != null) {
            return now.toEpochMilli() + row.everyMillis();
        }
        return CronExpression.parse(row.cron()).next(now, ZoneId.of(row.zone())).map(Instant::toEpochMilli)
                .orElse(null);
    }

    /** What to do with the schedule's due tick {@code due} at {@code now}. */
    static Tick due(ScheduleRow row, long due, Instant now, Duration missedAfter) {
        boolean missed = now.toEpochMilli() - due > missedAfter.toMillis();
        boolean run = !missed || MissedRun.valueOf(row.missed()) == MissedRun.RUN_ONCE;
        if (row.atMillis() != null) {
            return new Tick(run, null);
        }
        if (row.everyMillis() != null) {
            long every = row.everyMillis();
            long next = due + every;
            if (missed) {
                long behind = now.toEpochMilli() - due;
                next = due + (behind / every + 1) * every;
            }
            return new Tick(run, next);
        }
        Instant after = missed ? now : Instant.ofEpochMilli(due);
        return new Tick(run, CronExpression.parse(row.cron()).next(after, ZoneId.of(row.zone()))
                .map(Instant::toEpochMilli).orElse(null));
    }
}
