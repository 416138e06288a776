package io.celerity.internal.execution;

import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskRetry;
import io.celerity.internal.registry.TaskPolicy;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Decides the {@link Outcome} of a run from how it ended and the task's policy; it reads and writes nothing. */
final class OutcomeDecision {

    private OutcomeDecision() {
    }

    /** @param random draws the jitter of a retry's delay */
    static Outcome decide(TaskPolicy policy, RunEnding ending, RandomGenerator random) {
        BodyEnd body = ending.body();
        if (body instanceof BodyEnd.Revoked) {
            return new Outcome.Revoked();
        }
        if (body instanceof BodyEnd.Returned returned) {
            return ending.abortSeen()
                    ? new Outcome.Aborted(returned.result(), null)
                    : new Outcome.Succeeded(returned.value(), returned.result());
        }
        BodyEnd.Threw threw = (BodyEnd.Threw) body;
        return failed(policy, ending, threw.error(), threw.retryable(), random);
    }

    private static Outcome failed(TaskPolicy policy, RunEnding ending, Throwable error, boolean retryable,
                                  RandomGenerator random) {
        if (ending.handedBack()) {
            return new Outcome.HandedBack();
        }
        if (ending.abortSeen()) {
            return new Outcome.Aborted(null, error);
        }
        Throwable recorded = error;
        if (ending.softLimitPassed() != null && (error instanceof SoftTimeLimitExceeded
                || error instanceof InterruptedException)) {
            recorded = error instanceof SoftTimeLimitExceeded ? error : new SoftTimeLimitExceeded(ending.softLimitPassed());
            retryable = false;
        }
        TaskRetry retry = error instanceof TaskRetry requested ? requested : null;
        if (retry != null && retry.getCause() != null) {
            recorded = retry.getCause();
        }
        boolean wanted = retryable && (retry != null || policy.retries(error));
        if (wanted && ending.attempt() <= ending.maxRetries()) {
            Duration delay = retry != null && retry.countdown() != null
                    ? retry.countdown() : policy.retryDelay(ending.attempt(), random);
            return new Outcome.Retry(delay, recorded, error);
        }
        return new Outcome.Failed(recorded);
    }
}
