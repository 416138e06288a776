package io.celerity.api;

import java.util.Map;
import java.util.Set;

/**
 * How far a workflow has come: how many of its tasks are in each state, read from the store.
 *
 * @param counts the number of its tasks per state (states with none are absent)
 */
public record WorkflowState(Map<String, Long> counts) {

    public WorkflowState {
        counts = Map.copyOf(counts);
    }

    /** All its tasks. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tasks in this state. */
    public long count(String state) {
        return counts.getOrDefault(state, 0L);
    }

    /** Tasks that ended, in any terminal state. */
    public long ended() {
        return counts.entrySet().stream().filter(e -> TaskState.isTerminal(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long succeeded() {
        return count(TaskState.SUCCESS);
    }

    public long failed() {
        return count(TaskState.FAILURE);
    }

    /** Tasks a worker runs now: STARTED or a state of the application's own. */
    public long running() {
        return counts.entrySet().stream().filter(e -> !TaskState.isTerminal(e.getKey())
                        && !Set.of(TaskState.PENDING, TaskState.QUEUED, TaskState.SCHEDULED, TaskState.RETRY)
                        .contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether every task of the workflow has ended. */
    public boolean isDone() {
        return ended() == total();
    }
}
