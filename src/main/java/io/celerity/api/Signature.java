package io.celerity.api;

/**
 * One task call described and not made, Celery's signature: the task, its arguments and its per-call options.
 * Obtain one from {@link Workflows#signature}; a signature is immutable, its methods return changed copies.
 *
 * @param <T> the task's result type
 */
public non-sealed interface Signature<T> extends Canvas<T> {

    /** The task's name. */
    String taskName();

    /**
     * Celery's {@code si()}: this signature keeps all the arguments written in it, instead of receiving the result of
     * what it follows as its first argument.
     */
    Signature<T> immutable();

    /**
     * Per-call options of the task: fields, priority, retries, time limits. A countdown, an eta or an expiry is
     * allowed only on a workflow's first tasks (a task that waits for others expires as its
     * {@link BackgroundTask#expires()} says, counted from its release), and an id on none.
     */
    Signature<T> with(TaskOptions options);
}
