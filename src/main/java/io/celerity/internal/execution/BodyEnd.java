package io.celerity.internal.execution;

/** How the body of a run ended, as the worker saw it. */
sealed interface BodyEnd {

    /**
     * The body returned.
     *
     * @param value  what it returned, unwrapped from its {@code TaskHandle.completed(value)}
     * @param result the value as JSON; {@code null} when the task has no result
     */
    record Returned(Object value, String result) implements BodyEnd {
    }

    /**
     * The run failed.
     *
     * @param error     the application's exception, or the worker's when it stopped the body or refused its result
     * @param retryable whether the task's retry policy applies: not when the hard time limit stopped the body or its
     *                  result could not be recorded
     */
    record Threw(Throwable error, boolean retryable) implements BodyEnd {
    }

    /** The task was revoked while its body ran: the body was interrupted and abandoned. */
    record Revoked() implements BodyEnd {
    }
}
