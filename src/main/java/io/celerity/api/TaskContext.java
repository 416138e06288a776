package io.celerity.api;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The running task, injectable anywhere ({@code @Inject TaskContext task}) and meaningful inside a task body, on the
 * worker thread that runs it. Every update commits at once in a transaction of its own, so observers, the
 * WebSocket feed and other nodes see it while the task runs (AsyncTask's {@code update_state}).
 */
public interface TaskContext {

    /** Whether the current thread runs a task body. */
    boolean isActive();

    /**
     * The id of the running task.
     *
     * @throws IllegalStateException outside a task body
     */
    String id();

    /** The name of the running task. */
    String name();

    /** The number of the current run: 1 for the first, 2 for the first retry, and so on. */
    int attempt();

    /**
     * Whether an abort was requested ({@link Tasks#abort(String)}), Celery's {@code is_aborted()}. Cheap: no database
     * query; the node running the task is told. A task that saw {@code true} ends {@link TaskState#ABORTED} however it
     * returns.
     */
    boolean isAborted();

    /**
     * The exception to throw for another attempt after {@code countdown}: {@code throw task.retry(e, delay);}.
     *
     * @param countdown {@code null} for the task's retry delay and backoff
     */
    default TaskRetry retry(Throwable cause, java.time.Duration countdown) {
        return new TaskRetry(cause, countdown);
    }

    /** The exception to throw for another attempt after the task's retry delay. */
    default TaskRetry retry(Throwable cause) {
        return new TaskRetry(cause, null);
    }

    /**
     * Records a new state (such as {@link TaskState#PROGRESS}) and sets entity fields, in one committed change.
     * Field values are converted as for {@link Tasks#with(Map)}.
     *
     * @throws IllegalArgumentException if a field does not exist on the task entity or the value does not fit it
     * @throws SoftTimeLimitExceeded     once, the first call after the soft time limit passed
     */
    void update(String state, Map<String, ?> fields);

    /** Sets entity fields without changing the state. */
    default void update(Map<String, ?> fields) {
        update(null, fields);
    }

    /**
     * Sets entity fields by code the compiler checks, on the application's own entity class, without changing the
     * state: {@code task.update(AsyncTask.class, t -> t.setCurrent(t.getCurrent() + 10))}.
     */
    default <E extends TaskMeta> void update(Class<E> entity, Consumer<? super E> fields) {
        update(null, entity, fields);
    }

    /**
     * Records a new state and sets entity fields by code, in one committed change. The consumer runs on this thread,
     * on a detached copy of the task as committed (a lazy association it has not loaded cannot be navigated); the
     * application fields whose values it changed are written as {@link #update(String, Map)} writes them (two reads
     * more than the map form). Collections and Celerity's own columns are not changed this way.
     *
     * @throws IllegalArgumentException if the task entity is not an {@code entity}, or a value breaks a constraint
     */
    <E extends TaskMeta> void update(String state, Class<E> entity, Consumer<? super E> fields);

    /** Records progress in the entity's {@code current} and {@code total} fields with the state PROGRESS. */
    default void progress(long current, long total) {
        update(TaskState.PROGRESS, Map.of("current", current, "total", total));
    }
}
