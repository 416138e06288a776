package io.celerity.internal.store;

import io.celerity.api.CelerityException;
import io.celerity.api.TaskMeta;

import java.time.Instant;

/**
 * What a state change may write besides the state, handed to the change by the store once the transition table
 * allowed it: a locked row's columns, one meaning at a time.
 */
public final class TaskWrite {

    private static final int MAX_ERROR_MESSAGE = 4000;

    private final TaskMeta task;
    /** Whether a column other than the outcome's (result, error, eta, retries) was set. */
    private boolean beyondOutcome;

    TaskWrite(TaskMeta task) {
        this.task = task;
    }

    /** Whether only the columns of a run's outcome were set: result, error, eta, max retries. */
    boolean outcomeOnly() {
        return !beyondOutcome;
    }

    /** The row, to read. */
    public TaskMeta task() {
        return task;
    }

    /** The body's result as JSON. */
    public TaskWrite result(String json) {
        TaskColumns.RESULT.set(task, json);
        return this;
    }

    /** The error a run ended with: the exception's class, its message (shortened to fit) and its stack trace. */
    public TaskWrite error(String type, String message, String trace) {
        TaskColumns.ERROR_TYPE.set(task, type);
        TaskColumns.ERROR_MESSAGE.set(task, truncate(message));
        TaskColumns.ERROR_TRACE.set(task, trace == null || trace.length() <= TaskMeta.MAX_TEXT ? trace
                : trace.substring(0, TaskMeta.MAX_TEXT));
        return this;
    }

    /** An error that Celerity decided (worker lost, expired, poison message, ...), with no trace. */
    public TaskWrite celerityError(String message) {
        return error(CelerityException.class.getName(), message, null);
    }

    /** Why the task ended without an error of its own (revoked, aborted), leaving the error type as it is. */
    public TaskWrite reason(String message) {
        TaskColumns.ERROR_MESSAGE.set(task, truncate(message));
        return this;
    }

    /** When a waiting task is due; {@code null}: at once. */
    public TaskWrite eta(Instant eta) {
        TaskColumns.ETA.set(task, eta);
        return this;
    }

    /** The arguments as a JSON array: a workflow task's, once it receives what the tasks it follows returned. */
    public TaskWrite arguments(String json) {
        beyondOutcome = true;
        TaskColumns.ARGUMENTS.set(task, json);
        return this;
    }

    /** How many workflow tasks a pending task still waits for. */
    public TaskWrite waitsFor(int count) {
        beyondOutcome = true;
        TaskColumns.WAITS_FOR.set(task, count);
        return this;
    }

    /** When a task that has not started expires; {@code null}: never. */
    public TaskWrite expiresAt(Instant expiresAt) {
        beyondOutcome = true;
        TaskColumns.EXPIRES_AT.set(task, expiresAt);
        return this;
    }

    public TaskWrite maxRetries(int maxRetries) {
        TaskColumns.MAX_RETRIES.set(task, maxRetries);
        return this;
    }

    public TaskWrite abortRequestedAt(Instant at) {
        beyondOutcome = true;
        TaskColumns.ABORT_REQUESTED_AT.set(task, at);
        return this;
    }

    /** A run begins: the next attempt, owned by this runner, its heartbeat renewed, no longer due. */
    public TaskWrite runStarted(Instant now, String runner) {
        beyondOutcome = true;
        TaskColumns.STARTED_AT.set(task, now);
        TaskColumns.ATTEMPT.set(task, task.getAttempt() + 1);
        TaskColumns.RUNNER.set(task, runner);
        TaskColumns.HEARTBEAT_AT.set(task, now);
        TaskColumns.ETA.set(task, null);
        return this;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_MESSAGE ? text
                : text.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
    }
}
