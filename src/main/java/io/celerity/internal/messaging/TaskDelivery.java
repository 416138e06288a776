package io.celerity.internal.messaging;

import io.celerity.api.TaskMeta;

import java.time.Instant;

/**
 * How a task message is sent.
 *
 * @param dueAt       not delivered before this instant; {@code null}: at once
 * @param priority    JMS priority 0–9
 * @param expiresAt   the broker expires the message after this instant; {@code null}: never (expiry concerns only a
 *                    task that never started)
 * @param duplicateId the broker drops a second message with this id; {@code null}: no check
 */
public record TaskDelivery(Instant dueAt, int priority, Instant expiresAt, String duplicateId) {

    /** The delivery of a stored task, due at its eta, under the given duplicate-detection id. */
    public static TaskDelivery of(TaskMeta task, String duplicateId) {
        return new TaskDelivery(task.getEta(), task.getPriority(), task.getAttempt() == 0 ? task.getExpiresAt() : null,
                duplicateId);
    }

    /** The same delivery, due at another instant ({@code null}: at once), same duplicate-detection id. */
    public TaskDelivery withDueAt(Instant at) {
        return new TaskDelivery(at, priority, expiresAt, duplicateId);
    }

    /** The same delivery, due at another instant and without duplicate detection (a re-send of a later check). */
    public TaskDelivery dueAt(Instant at) {
        return new TaskDelivery(at, priority, expiresAt, null);
    }
}
