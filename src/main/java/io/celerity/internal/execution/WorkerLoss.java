package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.api.WorkerLost;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.TaskWrite;

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

    /**
     * Records on the locked row of a task whose runner is lost what becomes of it: RETRY, due at once, to run again,
     * or FAILURE.
     *
     * @param policy the task's policy; {@code null} when no task of this application has its name
     */
    static TaskStore.Change record(TaskStore.Locked locked, TaskPolicy policy, Instant now) {
        TaskMeta task = locked.task();
        boolean again = runAgain(task, policy);
        return locked.change(again ? TaskState.RETRY : TaskState.FAILURE,
                reason(task, again).andThen(write -> write.eta(again ? now : null)));
    }

    private static boolean runAgain(TaskMeta task, TaskPolicy policy) {
        return policy != null && policy.workerLost() == WorkerLost.RUN_AGAIN
                && task.getAttempt() <= task.getMaxRetries() + EXTRA_RUNS;
    }

    private static Consumer<TaskWrite> reason(TaskMeta lost, boolean again) {
        String message = WorkerMessage.WORKER_LOST.format(lost.getRunner(), lost.getAttempt(),
                again ? "; the task runs again" : "");
        return write -> write.celerityError(message);
    }
}
