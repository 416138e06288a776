package io.celerity.api;

/**
 * What happens to a task whose worker stopped sending heartbeats while running it (its node died or stalled past the
 * lease, {@code celerity.worker.lease}).
 */
public enum WorkerLost {

    /**
     * The task is recorded {@link TaskState#RETRY} with the reason "worker lost" and runs again on any node; at most
     * {@code maxRetries + 3} runs in all, so a task that kills its node each time ends {@link TaskState#FAILURE}.
     * The body may thus run more than once: right for idempotent tasks (at-least-once).
     */
    RUN_AGAIN,

    /** The task ends {@link TaskState#FAILURE} with the reason "worker lost" and is never run again (at-most-once). */
    FAIL
}
