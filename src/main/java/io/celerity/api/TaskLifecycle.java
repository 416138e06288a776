package io.celerity.api;

/**
 * Lifecycle handlers of a task bean, Celery's {@code on_success}, {@code on_failure}, {@code on_retry} and
 * {@code after_return}: a bean that declares {@link BackgroundTask} methods and implements this interface is called
 * on the worker thread once the outcome of each run is committed. A handler that throws is logged and
 * changes nothing: the outcome stays, and {@link #afterReturn} runs all the same. To observe tasks from elsewhere,
 * use the {@link TaskStateChanged} event, which can be qualified by task name and state.
 */
public interface TaskLifecycle {

    /** The run ended {@link TaskState#SUCCESS}; {@code result} is the value the body returned, or {@code null}. */
    default void onSuccess(TaskMeta task, Object result) {
    }

    /** The run ended {@link TaskState#FAILURE} (the body threw and has no retry left, or a time limit ended it). */
    default void onFailure(TaskMeta task, Throwable error) {
    }

    /** The run failed and the task was recorded {@link TaskState#RETRY}; it runs again later. */
    default void onRetry(TaskMeta task, Throwable error) {
    }

    /** After every run whose outcome was recorded, whatever it was; after the handler above. */
    default void afterReturn(TaskMeta task) {
    }
}
