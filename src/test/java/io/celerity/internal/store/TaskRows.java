package io.celerity.internal.store;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Test rows written the way no public path writes them (a task of another node, a message with no row behind it):
 * a test fixture beside the store, so that it may set any of Celerity's columns.
 */
public final class TaskRows {

    private final TaskMeta task;

    private TaskRows(TaskMeta task) {
        this.task = task;
    }

    /** A queued task on the default queue, with a random id, created now. */
    public static TaskRows queued(TaskMeta blank, String taskName) {
        Instant now = Instant.now();
        NewTask.of(blank, UUID.randomUUID().toString(), taskName, BackgroundTask.DEFAULT_QUEUE, TaskState.QUEUED, now,
                null);
        return new TaskRows(blank);
    }

    public TaskRows arguments(String json) {
        TaskColumns.ARGUMENTS.set(task, json);
        return this;
    }

    /** Running its first attempt on the given runner, which started it and last renewed its heartbeat then. */
    public TaskRows running(String runner, Instant heartbeat) {
        TaskColumns.STATE.set(task, TaskState.STARTED);
        TaskColumns.ATTEMPT.set(task, 1);
        TaskColumns.RUNNER.set(task, runner);
        TaskColumns.HEARTBEAT_AT.set(task, heartbeat);
        TaskColumns.STARTED_AT.set(task, heartbeat);
        return this;
    }

    /** The row, for {@link TaskStore#insert}. */
    public NewTask row() {
        return NewTask.of(task, task.getId(), task.getTaskName(), task.getQueue(), task.getState(),
                task.getCreatedAt(), task.getNode());
    }

    /** What another node does when this one stalls past its lease: it takes the task for another attempt. */
    public static Consumer<TaskWrite> takenOverBy(String runner, Instant heartbeat) {
        return write -> {
            TaskMeta task = write.task();
            TaskColumns.RUNNER.set(task, runner);
            TaskColumns.ATTEMPT.set(task, task.getAttempt() + 1);
            TaskColumns.HEARTBEAT_AT.set(task, heartbeat);
        };
    }
}
