package io.celerity.internal.web;

import io.celerity.internal.store.StateHistory;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as the REST API and the WebSocket snapshot show it. Sensitive fields read {@value TaskViews#REDACTED};
 * the stack trace is shown to admins only.
 */
public record TaskView(String id, String name, String type, String state, long version, String owner, String queue,
                       int attempt, int maxRetries, int priority, Instant createdAt, Instant startedAt,
                       Instant finishedAt, Instant changedAt, String node, Instant eta, Instant expiresAt,
                       String schedule, boolean abortRequested, JsonValue arguments, JsonValue result,
                       Map<String, Object> fields, Error error, Workflow workflow) {

    /**
     * Where a task stands in its workflow: the workflow's root, the task whose end released it, how many tasks it
     * still waits for, and its links (the tasks its end releases, its error callbacks, what it receives).
     */
    public record Workflow(String root, String parent, Integer waitsFor, JsonValue links) {
    }

    /** A workflow's tasks, as {@code GET tasks/<id>/workflow} returns them, in the order they were created. */
    public record WorkflowTasks(String root, long total, List<TaskView> tasks) {
    }

    /** Why a task failed: the exception's class and message, and its stack trace for admins. */
    public record Error(String type, String message, String trace) {
    }

    /** A task's history, as {@code GET tasks/<id>/history} returns it. */
    public record History(String id, List<StateHistory.Entry> changes) {
    }

    /** A page of a list, as {@code GET tasks} returns it. */
    public record Page(List<TaskView> tasks, long total, int page, int size) {
    }
}
