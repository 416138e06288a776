package io.celerity.api;

/**
 * Tells a task body that its soft time limit ({@link BackgroundTask#softTimeLimit()}) has passed: its thread is
 * interrupted, and the next {@link TaskContext} call throws this exception once. The body may catch it (or the
 * {@link InterruptedException}) to clean up and return; if it lets it escape, the task ends {@link TaskState#FAILURE}
 * and is not retried.
 */
public final class SoftTimeLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SoftTimeLimitExceeded(String message) {
        super(message);
    }
}
