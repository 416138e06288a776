package io.celerity.api;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A started workflow, Celery's {@code AsyncResult}/{@code GroupResult}: every read goes to the task store.
 *
 * @param <R> what the workflow returns
 */
public interface WorkflowHandle<R> {

    /** The workflow's id: the id of its root task, which every member carries ({@link TaskMeta#getRootId()}). */
    String id();

    /** How many of its tasks are in each state. */
    WorkflowState state();

    /**
     * Waits until the workflow's result is there: a chain's last step, a group's members (a list in their order), a
     * chord's body.
     *
     * @throws TaskFailedException  if a task the result needs did not succeed: it names the first task of the
     *                              workflow that failed, else the task that did not succeed
     * @throws TimeoutException     if the result is not there within the timeout
     * @throws InterruptedException if the waiting thread was interrupted
     */
    R get(Duration timeout) throws TimeoutException, InterruptedException;

    /**
     * Revokes every task of the workflow that has not ended ({@link Tasks#revoke} on its root does the same).
     *
     * @param terminate whether running tasks are revoked too (and interrupted)
     * @return how many tasks this revoked
     */
    int revoke(boolean terminate);
}
