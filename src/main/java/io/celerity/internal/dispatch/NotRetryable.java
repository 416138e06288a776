package io.celerity.internal.dispatch;

/** A task that cannot run again: it has not ended, it succeeded, or its task is not defined here. */
public class NotRetryable extends IllegalStateException {

    public NotRetryable(String message) {
        super(message);
    }
}
