package io.celerity.api;

import java.util.Map;

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
     * A value may be an entity, or the id of one for an association field.
     */
    Call with(Map<String, ?> fields);

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
