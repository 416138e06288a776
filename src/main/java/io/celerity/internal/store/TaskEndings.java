package io.celerity.internal.store;

import io.celerity.api.TaskMeta;

/**
 * What else a task's end changes, in the transaction that records it: the workflow tasks it links to. The store calls
 * it for every task that reaches a terminal state with workflow links.
 */
public interface TaskEndings {

    /** @param task the task, its terminal state set, its row locked by the current transaction */
    void ended(TaskMeta task);
}
