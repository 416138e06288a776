package io.celerity.internal.messaging;

import io.celerity.api.TaskMeta;

import java.time.Instant;
import java.util.Map;

/**
 * How a task message is sent.
 *
 * <p>A task's first message has the task id as its duplicate-detection id. A message sent again has one of the ids
 * made here, each the same on every node that sends the same re-send, so that the broker keeps one of them: the
 * broker's duplicate detection depends on these strings staying exactly as they are.
 *
 * @param dueAt       not delivered before this instant; {@code null}: at once
 * @param priority    JMS priority 0–9
 * @param expiresAt   the broker expires the message after this instant; {@code null}: never (expiry concerns only a
 *                    task that never started)
 * @param duplicateId the broker drops a second message with this id; {@code null}: no check
 * @param trace       the trace context the message carries (message properties); empty: the sending thread's
 */
public record TaskDelivery(Instant dueAt, int priority, Instant expiresAt, String duplicateId,
                           Map<String, String> trace) {

    public TaskDelivery {
        trace = Map.copyOf(trace);
    }

    public TaskDelivery(Instant dueAt, int priority, Instant expiresAt, String duplicateId) {
        this(dueAt, priority, expiresAt, duplicateId, Map.of());
    }

    /** The same delivery, carrying this trace context. */
    public TaskDelivery traced(Map<String, String> context) {
        return new TaskDelivery(dueAt, priority, expiresAt, duplicateId, context);
    }

    /** The delivery of a stored task, due at its eta, under the given duplicate-detection id. */
    public static TaskDelivery of(TaskMeta task, String duplicateId) {
        return new TaskDelivery(task.getEta(), task.getPriority(), task.getAttempt() == 0 ? task.getExpiresAt() : null,
                duplicateId);
    }

    /** The message of a task recorded RETRY after its attempt failed: one per attempt. */
    public static TaskDelivery retry(TaskMeta task) {
        return of(task, task.getId() + "#" + task.getAttempt());
    }

    /** The message of a task recorded RETRY when its node stopped during the attempt: one per attempt. */
    public static TaskDelivery handBack(TaskMeta task) {
        return of(task, task.getId() + "#handback#" + task.getAttempt());
    }

    /** The message of a task recorded RETRY when the runner of its attempt was lost: one per attempt. */
    public static TaskDelivery lostWorker(TaskMeta task) {
        return of(task, task.getId() + "#lost#" + task.getAttempt());
    }

    /** The message of a waiting task sent again, at once, because it is overdue: one per due time. */
    public static TaskDelivery overdue(TaskMeta task, Instant due) {
        return of(task, task.getId() + "#overdue#" + due.toEpochMilli()).withDueAt(null);
    }

    /** The same delivery, due at another instant and without duplicate detection (a re-send of a later check). */
    public TaskDelivery dueAt(Instant at) {
        return new TaskDelivery(at, priority, expiresAt, null, trace);
    }

    private TaskDelivery withDueAt(Instant at) {
        return new TaskDelivery(at, priority, expiresAt, duplicateId, trace);
    }
}
