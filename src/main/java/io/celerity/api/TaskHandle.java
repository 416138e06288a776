package io.celerity.api;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A handle on a stored task, Celery's {@code AsyncResult}: every read goes to the task store, so a handle works on
 * any node and after a restart. Obtain one by calling a {@link BackgroundTask} method or from {@link Tasks#handle}.
 *
 * @param <T> the result type
 */
public interface TaskHandle<T> {

    /** The task id. */
    String id();

    /**
     * The current state, read from the store.
     *
     * @throws TaskNotFoundException if no task has this id (it was never committed, or was deleted)
     */
    String state();

    /** Whether the task reached a terminal state. */
    default boolean isDone() {
        return TaskState.isTerminal(state());
    }

    /**
     * Waits until the task ends and returns its result ({@code null} for a {@code void} task).
     *
     * @throws TaskFailedException   if it ended in any terminal state other than {@link TaskState#SUCCESS}
     * @throws TaskNotFoundException if no task has this id
     * @throws TimeoutException      if it did not end within the timeout
     * @throws InterruptedException  if the waiting thread was interrupted
     */
    T get(Duration timeout) throws TimeoutException, InterruptedException;

    /**
     * What a task body returns to hand its result to Celerity:
     * {@code return TaskHandle.completed(x + y);}. Such a handle carries only the value: it has no id or state.
     */
    static <T> TaskHandle<T> completed(T value) {
        return new CompletedResult<>(value);
    }

    /** The value a task body returned through {@link #completed(Object)}. */
    record CompletedResult<T>(T value) implements TaskHandle<T> {

        @Override
        public String id() {
            throw new IllegalStateException(ApiMessage.COMPLETED_HANDLE_READ.format());
        }

        @Override
        public String state() {
            return TaskState.SUCCESS;
        }

        @Override
        public T get(Duration timeout) {
            return value;
        }
    }
}
