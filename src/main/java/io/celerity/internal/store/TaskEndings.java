package io.celerity.internal.store;

import io.celerity.api.TaskMeta;

import java.util.List;

/**
 * What else the end of tasks changes, in the transaction that records it: the workflow tasks they link to. The store
 * calls it for the tasks with workflow links that reach a terminal state: after each change, or once for all the
 * changes of a group commit.
 */
public interface TaskEndings {

    /** @param tasks the tasks, their terminal states set, their rows locked by the current transaction */
    void ended(List<TaskMeta> tasks);
}
