package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;

/**
 * What is known when a run ends, all that decides its {@link Outcome}.
 *
 * @param body            how the body ended
 * @param attempt         the attempt that ran, from 1
 * @param maxRetries      the retries the task allows, as stored with it
 * @param handedBack      whether its stopping node handed the task back during the run
 * @param abortSeen       whether the body saw an abort request
 * @param softLimitPassed the reason the soft time limit passed during the run, or {@code null}
 */
record RunEnding(BodyEnd body, int attempt, int maxRetries, boolean handedBack, boolean abortSeen,
                 String softLimitPassed) {

    static RunEnding of(BodyEnd body, TaskMeta task, Run run) {
        return new RunEnding(body, task.getAttempt(), task.getMaxRetries(), run.handedBack(), run.abortSeen(),
                run.softLimitPassed());
    }
}
