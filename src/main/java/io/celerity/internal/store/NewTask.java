package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;

import java.time.Instant;

/** Fills the columns of a task not yet stored; {@link TaskStore#insert} stores it. */
public final class NewTask {

    private final TaskMeta task;

    private NewTask(TaskMeta task) {
        this.task = task;
    }

    /**
     * A new task in its first state, created now by this node; every other column keeps its default until set here.
     */
    public static NewTask of(TaskMeta blank, String id, String taskName, String queue, String state, Instant now,
                             String node) {
        TaskColumns.ID.set(blank, id);
        TaskColumns.TASK_NAME.set(blank, taskName);
        TaskColumns.QUEUE.set(blank, queue);
        TaskColumns.STATE.set(blank, state);
        TaskColumns.CREATED_AT.set(blank, now);
        TaskColumns.CHANGED_AT.set(blank, now);
        TaskColumns.NODE.set(blank, node);
        return new NewTask(blank);
    }

    public TaskMeta task() {
        return task;
    }

    public NewTask type(String type) {
        TaskColumns.TASK_TYPE.set(task, type);
        return this;
    }

    public NewTask arguments(String json) {
        TaskColumns.ARGUMENTS.set(task, json);
        return this;
    }

    public NewTask eta(Instant eta) {
        TaskColumns.ETA.set(task, eta);
        return this;
    }

    public NewTask expiresAt(Instant expiresAt) {
        TaskColumns.EXPIRES_AT.set(task, expiresAt);
        return this;
    }

    public NewTask priority(int priority) {
        TaskColumns.PRIORITY.set(task, priority);
        return this;
    }

    public NewTask maxRetries(int maxRetries) {
        TaskColumns.MAX_RETRIES.set(task, maxRetries);
        return this;
    }

    public NewTask timeLimits(Long softMillis, Long hardMillis) {
        TaskColumns.SOFT_TIME_LIMIT_MILLIS.set(task, softMillis);
        TaskColumns.TIME_LIMIT_MILLIS.set(task, hardMillis);
        return this;
    }

    /** The schedule this task is a run of. */
    public NewTask schedule(String scheduleName) {
        TaskColumns.SCHEDULE_NAME.set(task, scheduleName);
        return this;
    }

    /**
     * Makes it a member of a workflow: a task that waits for others is {@code PENDING} (no message is sent for it),
     * and {@code links} says what its end releases.
     */
    public NewTask workflow(String rootId, String parentId, boolean waits, int waitsFor, String links) {
        TaskColumns.ROOT_ID.set(task, rootId);
        TaskColumns.PARENT_ID.set(task, parentId);
        TaskColumns.WAITS_FOR.set(task, waitsFor);
        TaskColumns.LINKS.set(task, links);
        if (waits) {
            // its task's expiry counts from its release
            TaskColumns.STATE.set(task, TaskState.PENDING);
            TaskColumns.ETA.set(task, null);
            TaskColumns.EXPIRES_AT.set(task, null);
        }
        return this;
    }
}
