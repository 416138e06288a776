package io.celerity.internal.execution;

import io.celerity.internal.store.TaskWrite;
import io.celerity.api.TaskMeta;
import io.celerity.api.WorkerLost;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.registry.TaskPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Decides what becomes of a task whose runner fell silent, by the task's {@link WorkerLost} policy. */
final class WorkerLoss {

    /** Runs beyond the allowed retries that a lost worker may cost before the task fails. */
    private static final int EXTRA_RUNS = 2;

    private WorkerLoss() {
    }

    /** Whether the runner of a running task counts as lost: another runner, silent for longer than the lease. */
    static boolean isLost(TaskMeta task, String me, Duration lease, Instant now) {
        if (me.equals(task.getRunner())) {
            return true; // a run of this node that ended without recording its outcome
        }
        Instant heartbeat = task.getHeartbeatAt();
        return heartbeat == null || !heartbeat.plus(lease).isAfter(now);
    }

    static boolean runAgain(TaskMeta task, TaskPolicy policy) {
        return policy != null && policy.workerLost() == WorkerLost.RUN_AGAIN
                && task.getAttempt() <= task.getMaxRetries() + EXTRA_RUNS;
    }

    /** The error recorded for a lost run. */
    static Consumer<TaskWrite> reason(TaskMeta lost, boolean again) {
        String message = WorkerMessage.WORKER_LOST.format(lost.getRunner(), lost.getAttempt(),
                again ? "; the task runs again" : "");
        return write -> write.celerityError(message);
    }
}
