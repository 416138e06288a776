package io.celerity.api;

import java.time.Duration;

/**
 * Thrown by a task body to ask for another attempt, Celery's {@code raise self.retry(exc=e, countdown=60)}:
 * {@code throw task.retry(e, Duration.ofMinutes(1));} with an injected {@link TaskContext}. When the task has no
 * retries left ({@link BackgroundTask#maxRetries()}), it ends {@link TaskState#FAILURE} with the cause.
 */
public final class TaskRetry extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration countdown;

    /**
     * @param cause     the error that made the attempt fail, recorded with the RETRY state; may be {@code null}
     * @param countdown the delay before the next attempt; {@code null} for the task's retry delay and backoff
     */
    public TaskRetry(Throwable cause, Duration countdown) {
        super(cause == null ? "retry requested" : String.valueOf(cause.getMessage()), cause);
        if (countdown != null && countdown.isNegative()) {
            throw new IllegalArgumentException(ApiMessage.NEGATIVE_RETRY_COUNTDOWN.format(countdown));
        }
        this.countdown = countdown;
    }

    /** The requested delay, or {@code null} for the task's own retry delay. */
    public Duration countdown() {
        return countdown;
    }
}
