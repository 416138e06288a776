package io.celerity.internal.execution;

/** The hard time limit ended the run. */
final class TimeLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TimeLimitExceeded(String message) {
        super(message);
    }
}
