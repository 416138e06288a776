package io.celerity.internal.execution;

import java.time.Duration;

/** What a run of a task comes to, as {@link OutcomeDecision} decides it and {@link OutcomeRecorder} records it. */
sealed interface Outcome {

    /** The state the outcome records, as a trace names it. */
    static String state(Outcome outcome) {
        if (outcome instanceof Succeeded) {
            return "SUCCESS";
        }
        if (outcome instanceof Aborted) {
            return "ABORTED";
        }
        if (outcome instanceof Failed) {
            return "FAILURE";
        }
        return outcome instanceof Revoked ? "REVOKED" : "RETRY";
    }

    /** What the body threw, if the outcome comes from a throw. */
    static Throwable error(Outcome outcome) {
        if (outcome instanceof Aborted aborted) {
            return aborted.error();
        }
        if (outcome instanceof Retry retry) {
            return retry.error();
        }
        return outcome instanceof Failed failed ? failed.error() : null;
    }

    /** SUCCESS, with the body's result. */
    record Succeeded(Object value, String result) implements Outcome {
    }

    /**
     * ABORTED: the body saw an abort request.
     *
     * @param result the body's result when it returned, else {@code null}
     * @param error  what the run failed with when it failed, else {@code null}
     */
    record Aborted(String result, Throwable error) implements Outcome {
    }

    /**
     * RETRY: the task runs again after a delay.
     *
     * @param recorded the error recorded with the task: the cause of a requested retry, else {@code error}
     * @param error    what the run failed with, as the task's {@code onRetry} handler sees it
     */
    record Retry(Duration delay, Throwable recorded, Throwable error) implements Outcome {
    }

    /** FAILURE, with the error recorded. */
    record Failed(Throwable error) implements Outcome {
    }

    /** RETRY at once, not counted against the retries: the node stopped before the body ended. */
    record HandedBack() implements Outcome {
    }

    /** Nothing to record: the task was revoked while it ran, and its REVOKED state is already recorded. */
    record Revoked() implements Outcome {
    }
}
