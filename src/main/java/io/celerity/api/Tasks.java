package io.celerity.api;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-call options and handles by id; inject it with {@code @Inject Tasks tasks}.
 *
 * <pre>{@code
 * TaskHandle<Integer> sum = tasks.with(Map.of("owner", user, "provider", 7)).call(() -> calculator.add(1, 2));
 * }</pre>
 */
public interface Tasks {

    /**
     * Options for the next task enqueued on this thread: entity fields that override the annotation's defaults.
     * Shorthand for {@code with(TaskOptions.of(fields))}.
     * A value may be an entity, or the id of one for an association field.
     */
    default Call with(Map<String, ?> fields) {
        return with(TaskOptions.of(fields));
    }

    /**
     * Options for the next task enqueued on this thread: entity fields set by code the compiler checks, on the
     * application's own entity class. Shorthand for {@code with(TaskOptions.of(entity, fields))}.
     *
     * <pre>{@code
     * tasks.with(AsyncTask.class, t -> { t.setOwner(user); t.setProvider(provider); }).call(() -> addition.add(1, 2));
     * }</pre>
     */
    default <E extends TaskMeta> Call with(Class<E> entity, Consumer<? super E> fields) {
        return with(TaskOptions.of(entity, fields));
    }

    /** Options for the next task enqueued on this thread: fields, countdown or eta, expiry, priority, limits. */
    Call with(TaskOptions options);

    /**
     * Revokes a task, Celery's {@code revoke(id, terminate=…)}. A task that has not started is recorded
     * {@link TaskState#REVOKED} and never runs, even after restarts. A running task is revoked only with
     * {@code terminate}: it is recorded REVOKED and the node running it, wherever it is, interrupts it. Revoking a
     * workflow's root task ({@link WorkflowHandle#id()}) revokes every task of that workflow that has not ended.
     *
     * @return whether the task is now REVOKED by this call ({@code false}: it had ended, or runs and terminate was
     * not asked)
     * @throws TaskNotFoundException if no task has this id
     */
    boolean revoke(String id, boolean terminate);

    /**
     * Asks a task to stop, Celery's {@code AbortableTask.abort()}. A task that has not started ends
     * {@link TaskState#ABORTED} at once; a running one sees {@link TaskContext#isAborted()} become true and ends
     * ABORTED when it returns or throws after having seen it. A running task that never looks runs to its end.
     *
     * @return whether the request was recorded ({@code false}: the task had ended)
     * @throws TaskNotFoundException if no task has this id
     */
    boolean abort(String id);

    /**
     * Runs a task that ended without success ({@link TaskState#FAILURE}, REVOKED, ABORTED, EXPIRED) again, as a new
     * task with the same name, arguments, fields and priority; the ended task stays as it was.
     *
     * @return the id of the new task
     * @throws TaskNotFoundException if no task has this id
     * @throws IllegalStateException if the task has not ended or succeeded
     */
    String retry(String id);

    /**
     * Deletes a task's record; a task that has not ended is revoked first (terminated if it runs).
     *
     * @return whether a record was deleted ({@code false}: there was none)
     */
    boolean delete(String id);

    /**
     * A handle on an existing task.
     *
     * @param resultType the type its result is read as
     * @throws TaskNotFoundException if no task has this id
     */
    <T> TaskHandle<T> handle(String id, Class<T> resultType);

    /**
     * A call with options: exactly one {@link BackgroundTask} call must happen inside. The lambdas may declare
     * checked exceptions, since a task method may; the body does not run here, only the enqueue.
     */
    interface Call {

        /** Calls a task method that returns a handle. */
        <T> TaskHandle<T> call(TaskCall<T> call);

        /** Calls a {@code void} task method and returns the handle of the task it enqueued. */
        TaskHandle<Void> run(VoidTaskCall call);
    }

    /** A call of a task method that returns a handle. */
    @FunctionalInterface
    interface TaskCall<T> {
        TaskHandle<T> call() throws Exception;
    }

    /** A call of a {@code void} task method. */
    @FunctionalInterface
    interface VoidTaskCall {
        void call() throws Exception;
    }
}
