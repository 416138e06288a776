package io.celerity.internal.execution;

import io.celerity.api.CelerityException;
import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskRetry;
import io.celerity.api.WorkerLost;
import io.celerity.internal.registry.TaskPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeDecisionTest {

    private static final String SOFT_LIMIT = "the soft time limit of PT1S passed";

    /** Retries IOException but not FileNotFoundException, after 1 s, without backoff. */
    private static final TaskPolicy RETRY_IO = policy(Duration.ofSeconds(1), false, Duration.ofMinutes(10), false);

    /** Always draws the largest value allowed. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** Always draws zero. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    private static TaskPolicy policy(Duration delay, boolean backoff, Duration backoffMax, boolean jitter) {
        return new TaskPolicy(5, delay, backoff, backoffMax, jitter, List.of(IOException.class),
                List.of(FileNotFoundException.class), null, 4, null, null, null, WorkerLost.RUN_AGAIN, Map.of());
    }

    /** Retries every {@code type} after 1 s. */
    private static TaskPolicy retryingOn(Class<? extends Throwable> type) {
        return new TaskPolicy(5, Duration.ofSeconds(1), false, Duration.ofMinutes(10), false, List.of(type), List.of(),
                null, 4, null, null, null, WorkerLost.RUN_AGAIN, Map.of());
    }

    /** A run that ended as {@code body}: its first attempt of three allowed, nothing asked of it. */
    private static Ending ended(BodyEnd body) {
        return new Ending(body);
    }

    private static BodyEnd returned(Object value) {
        return new BodyEnd.Returned(value, "\"" + value + "\"");
    }

    private static BodyEnd threw(Throwable error) {
        return new BodyEnd.Threw(error, true);
    }

    /** Builds the {@link RunEnding} of a test and decides it. */
    private static final class Ending {

        private final BodyEnd body;
        private int attempt = 1;
        private int maxRetries = 2;
        private boolean handedBack;
        private boolean abortSeen;
        private String softLimitPassed;

        Ending(BodyEnd body) {
            this.body = body;
        }

        Ending attempt(int attempt, int maxRetries) {
            this.attempt = attempt;
            this.maxRetries = maxRetries;
            return this;
        }

        Ending handedBack() {
            handedBack = true;
            return this;
        }

        Ending abortSeen() {
            abortSeen = true;
            return this;
        }

        Ending softLimitPassed() {
            softLimitPassed = SOFT_LIMIT;
            return this;
        }

        Outcome decide() {
            return decide(RETRY_IO, new Random(7));
        }

        Outcome decide(TaskPolicy policy, RandomGenerator random) {
            return OutcomeDecision.decide(policy,
                    new RunEnding(body, attempt, maxRetries, handedBack, abortSeen, softLimitPassed), random);
        }
    }

    @Nested
    class WhenTheBodyReturns {

        @Test
        void theTaskSucceedsWithTheResult() {
            assertEquals(new Outcome.Succeeded(42, "\"42\""), ended(returned(42)).decide());
        }

        @Test
        void afterSeeingAnAbort_theTaskIsAbortedAndKeepsTheResult() {
            assertEquals(new Outcome.Aborted("\"42\"", null), ended(returned(42)).abortSeen().decide());
        }

        @Test
        void onAStoppingNode_theTaskStillSucceeds() {
            assertEquals(new Outcome.Succeeded(42, "\"42\""), ended(returned(42)).handedBack().decide());
        }

        @Test
        void afterTheSoftLimitPassed_theTaskStillSucceeds() {
            assertEquals(new Outcome.Succeeded(42, "\"42\""), ended(returned(42)).softLimitPassed().decide());
        }
    }

    @Nested
    class WhenTheBodyThrows {

        @Test
        void anErrorTheTaskRetriesOn_isRetriedAfterTheRetryDelay() {
            IOException error = new IOException("disk");
            assertEquals(new Outcome.Retry(Duration.ofSeconds(1), error, error), ended(threw(error)).decide());
        }

        @Test
        void theLastAllowedRetry_isStillMade() {
            IOException error = new IOException("disk");
            assertInstanceOf(Outcome.Retry.class, ended(threw(error)).attempt(2, 2).decide());
        }

        @Test
        void anErrorWithNoRetriesLeft_failsTheTask() {
            IOException error = new IOException("disk");
            assertEquals(new Outcome.Failed(error), ended(threw(error)).attempt(3, 2).decide());
        }

        @Test
        void theRetriesLeftAreThoseStoredWithTheTask_notThePolicys() {
            IOException error = new IOException("disk");
            assertEquals(new Outcome.Failed(error), ended(threw(error)).attempt(1, 0).decide());
        }

        @Test
        void anErrorTheTaskDoesNotRetryOn_failsTheTaskAtOnce() {
            IllegalStateException error = new IllegalStateException("bug");
            assertEquals(new Outcome.Failed(error), ended(threw(error)).decide());
        }

        @Test
        void anErrorInDontRetryOn_failsTheTask_evenIfRetryOnListsItsSuperclass() {
            FileNotFoundException error = new FileNotFoundException("gone");
            assertEquals(new Outcome.Failed(error), ended(threw(error)).decide());
        }

        @Test
        void anInterruptWithoutSoftLimit_isAnErrorLikeAnyOther() {
            InterruptedException error = new InterruptedException();
            assertEquals(new Outcome.Failed(error), ended(threw(error)).decide());
        }
    }

    @Nested
    class WhenTheBodyAsksForARetry {

        @Test
        void theTaskIsRetried_whateverItsErrorLists_recordingTheCause_andTheHandlerSeesTheRequest() {
            IllegalStateException cause = new IllegalStateException("not yet");
            TaskRetry retry = new TaskRetry(cause, null);
            assertEquals(new Outcome.Retry(Duration.ofSeconds(1), cause, retry), ended(threw(retry)).decide());
        }

        @Test
        void theRequestedCountdown_replacesTheRetryDelay() {
            TaskRetry retry = new TaskRetry(null, Duration.ofMinutes(3));
            assertEquals(new Outcome.Retry(Duration.ofMinutes(3), retry, retry), ended(threw(retry)).decide());
        }

        @Test
        void aRequestWithoutCause_recordsTheRequestItself() {
            TaskRetry retry = new TaskRetry(null, null);
            assertSame(retry, ((Outcome.Retry) ended(threw(retry)).decide()).recorded());
        }

        @Test
        void aRequestWithNoRetriesLeft_failsTheTaskWithTheCause() {
            IOException cause = new IOException("disk");
            assertEquals(new Outcome.Failed(cause), ended(threw(new TaskRetry(cause, null))).attempt(3, 2).decide());
        }

        @Test
        void aRequestWithoutCauseAndNoRetriesLeft_failsTheTaskWithTheRequest() {
            TaskRetry retry = new TaskRetry(null, null);
            assertEquals(new Outcome.Failed(retry), ended(threw(retry)).attempt(3, 2).decide());
        }
    }

    @Nested
    class TheRetryDelay {

        private Duration delayOfAttempt(TaskPolicy policy, int attempt, RandomGenerator random) {
            Outcome outcome = ended(threw(new IOException())).attempt(attempt, 100).decide(policy, random);
            return ((Outcome.Retry) outcome).delay();
        }

        @Test
        void withBackoff_doublesEachAttempt_upToTheCap() {
            TaskPolicy policy = policy(Duration.ofSeconds(1), true, Duration.ofSeconds(5), false);
            assertEquals(Duration.ofSeconds(1), delayOfAttempt(policy, 1, HIGHEST));
            assertEquals(Duration.ofSeconds(2), delayOfAttempt(policy, 2, HIGHEST));
            assertEquals(Duration.ofSeconds(4), delayOfAttempt(policy, 3, HIGHEST));
            assertEquals(Duration.ofSeconds(5), delayOfAttempt(policy, 4, HIGHEST));
            assertEquals(Duration.ofSeconds(5), delayOfAttempt(policy, 99, HIGHEST));
        }

        @Test
        void withoutBackoff_isTheFixedDelay_withoutJitter() {
            TaskPolicy policy = policy(Duration.ofSeconds(3), false, Duration.ofSeconds(5), true);
            assertEquals(Duration.ofSeconds(3), delayOfAttempt(policy, 1, LOWEST));
            assertEquals(Duration.ofSeconds(3), delayOfAttempt(policy, 4, LOWEST));
        }

        @Test
        void withJitter_isDrawnFromZeroToTheBackedOffDelay_bothIncluded() {
            TaskPolicy policy = policy(Duration.ofSeconds(1), true, Duration.ofSeconds(5), true);
            assertEquals(Duration.ZERO, delayOfAttempt(policy, 3, LOWEST));
            assertEquals(Duration.ofSeconds(4), delayOfAttempt(policy, 3, HIGHEST));
            assertEquals(Duration.ofSeconds(5), delayOfAttempt(policy, 10, HIGHEST));
            Random random = new Random(11);
            for (int i = 0; i < 200; i++) {
                Duration delay = delayOfAttempt(policy, 3, random);
                assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(4)) <= 0, delay.toString());
            }
        }

        @Test
        void aZeroDelay_staysZero_withJitter() {
            TaskPolicy policy = policy(Duration.ZERO, true, Duration.ofSeconds(5), true);
            assertEquals(Duration.ZERO, delayOfAttempt(policy, 2, HIGHEST));
        }
    }

    @Nested
    class WhenTheBodyIsStopped {

        @Test
        void byTheHardTimeLimit_theTaskFails_evenIfItsRetryPolicyWouldRetry() {
            TimeLimitExceeded error = new TimeLimitExceeded("the time limit of PT2S passed");
            TaskPolicy retryAnything = retryingOn(RuntimeException.class);
            Outcome outcome = ended(new BodyEnd.Threw(error, false)).decide(retryAnything, LOWEST);
            assertEquals(new Outcome.Failed(error), outcome);
        }

        @Test
        void becauseItsResultCannotBeRecorded_theTaskFailsWithoutRetry() {
            CelerityException error = new CelerityException("task t returned 42, not a completed handle");
            assertEquals(new Outcome.Failed(error), ended(new BodyEnd.Threw(error, false)).decide());
        }

        @Test
        void byARevoke_nothingIsRecorded() {
            assertEquals(new Outcome.Revoked(), ended(new BodyEnd.Revoked()).decide());
        }

        @Test
        void byARevokeOnAStoppingNode_nothingIsRecorded() {
            assertEquals(new Outcome.Revoked(), ended(new BodyEnd.Revoked()).handedBack().abortSeen().decide());
        }
    }

    @Nested
    class WhenTheSoftLimitPassed {

        @Test
        void theSoftLimitErrorEscapingTheBody_failsTheTaskWithoutRetry() {
            SoftTimeLimitExceeded error = new SoftTimeLimitExceeded(SOFT_LIMIT);
            TaskPolicy retrySoftLimits = retryingOn(RuntimeException.class);
            assertEquals(new Outcome.Failed(error), ended(threw(error)).softLimitPassed().decide(retrySoftLimits, LOWEST));
        }

        @Test
        void theInterruptEscapingTheBody_failsTheTaskWithTheSoftLimitError_withoutRetry() {
            TaskPolicy retryInterrupts = retryingOn(InterruptedException.class);
            Outcome outcome = ended(threw(new InterruptedException())).softLimitPassed().decide(retryInterrupts, LOWEST);
            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, outcome);
            assertInstanceOf(SoftTimeLimitExceeded.class, failed.error());
            assertEquals(SOFT_LIMIT, failed.error().getMessage());
        }

        @Test
        void anotherError_isRetriedAsUsual() {
            IOException error = new IOException("disk");
            assertEquals(new Outcome.Retry(Duration.ofSeconds(1), error, error),
                    ended(threw(error)).softLimitPassed().decide());
        }

        @Test
        void aRequestedRetry_isStillMade() {
            TaskRetry retry = new TaskRetry(null, Duration.ofSeconds(9));
            assertEquals(new Outcome.Retry(Duration.ofSeconds(9), retry, retry),
                    ended(threw(retry)).softLimitPassed().decide());
        }
    }

    @Nested
    class WhenSomethingWasAskedOfTheRun {

        @Test
        void aFailureOnAStoppingNode_handsTheTaskBack_evenWithNoRetriesLeft() {
            assertEquals(new Outcome.HandedBack(), ended(threw(new IOException())).attempt(9, 0).handedBack().decide());
        }

        @Test
        void aFailureOnAStoppingNode_handsTheTaskBack_evenIfTheAbortWasSeen() {
            assertEquals(new Outcome.HandedBack(),
                    ended(threw(new IllegalStateException())).handedBack().abortSeen().decide());
        }

        @Test
        void theHardTimeLimitOnAStoppingNode_handsTheTaskBack() {
            BodyEnd stopped = new BodyEnd.Threw(new TimeLimitExceeded("late"), false);
            assertEquals(new Outcome.HandedBack(), ended(stopped).handedBack().decide());
        }

        @Test
        void aFailureAfterSeeingAnAbort_abortsTheTaskWithTheError_insteadOfARetry() {
            IOException error = new IOException("disk");
            assertEquals(new Outcome.Aborted(null, error), ended(threw(error)).abortSeen().decide());
        }

        @Test
        void theHardTimeLimitAfterSeeingAnAbort_abortsTheTask() {
            TimeLimitExceeded error = new TimeLimitExceeded("late");
            assertEquals(new Outcome.Aborted(null, error), ended(new BodyEnd.Threw(error, false)).abortSeen().decide());
        }

        @Test
        void aRequestedRetryAfterSeeingAnAbort_abortsTheTaskWithTheRequest() {
            TaskRetry retry = new TaskRetry(new IOException("disk"), null);
            Outcome.Aborted aborted = assertInstanceOf(Outcome.Aborted.class, ended(threw(retry)).abortSeen().decide());
            assertSame(retry, aborted.error());
            assertNull(aborted.result());
        }
    }
}
