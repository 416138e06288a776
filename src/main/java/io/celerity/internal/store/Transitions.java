package io.celerity.internal.store;

import io.celerity.api.TaskState;
import io.celerity.internal.message.StoreMessage;

import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed state changes. A state that is not built in (such as PROGRESS) is a running state.
 * A terminal state never changes again: that is what makes a redelivered message for a finished task do nothing.
 */
public final class Transitions {

    private static final String CUSTOM = "<custom>";

    /** The states of a task that waits to be started. */
    public static final Set<String> WAITING = Set.of(TaskState.QUEUED, TaskState.SCHEDULED, TaskState.RETRY);

    private static final Set<String> FROM_WAITING = Set.of(TaskState.STARTED, TaskState.QUEUED, TaskState.SCHEDULED,
            TaskState.REVOKED, TaskState.ABORTED, TaskState.EXPIRED, TaskState.FAILURE);

    private static final Set<String> FROM_RUNNING = Set.of(CUSTOM, TaskState.STARTED, TaskState.RETRY,
            TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED, TaskState.ABORTED);

    private static final Set<String> FROM_PENDING = Set.of(TaskState.QUEUED, TaskState.SKIPPED, TaskState.REVOKED,
            TaskState.ABORTED, TaskState.FAILURE);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            TaskState.PENDING, FROM_PENDING,
            TaskState.QUEUED, FROM_WAITING,
            TaskState.SCHEDULED, FROM_WAITING,
            TaskState.RETRY, FROM_WAITING,
            // STARTED again: the message of a run that died with its node is delivered again (at-least-once)
            TaskState.STARTED, FROM_RUNNING,
            CUSTOM, FROM_RUNNING);

    private Transitions() {
    }

    public static boolean allowed(String from, String to) {
        if (TaskState.isTerminal(from)) {
            return false;
        }
        Set<String> targets = ALLOWED.get(category(from));
        return targets != null && targets.contains(category(to));
    }

    /** Whether a task in this state waits to be started. */
    public static boolean isWaiting(String state) {
        return WAITING.contains(state);
    }

    /** Whether a task in this state has not started: it waits for a worker, or for the workflow tasks it follows. */
    public static boolean isNotStarted(String state) {
        return TaskState.PENDING.equals(state) || isWaiting(state);
    }

    /** Whether a task in this state is being run by a worker. */
    public static boolean isRunning(String state) {
        String category = category(state);
        return CUSTOM.equals(category) || TaskState.STARTED.equals(category);
    }

    private static String category(String state) {
        if (state == null) {
            throw new IllegalArgumentException(StoreMessage.NULL_STATE.format());
        }
        return switch (state) {
            case TaskState.PENDING, TaskState.QUEUED, TaskState.SCHEDULED, TaskState.STARTED, TaskState.RETRY,
                    TaskState.SUCCESS, TaskState.FAILURE, TaskState.SKIPPED, TaskState.REVOKED, TaskState.ABORTED,
                    TaskState.EXPIRED -> state;
            default -> CUSTOM;
        };
    }
}
