package io.celerity.api;

/** The base of Celerity's exceptions; every message starts with its {@code CELERITY-nnnn} id. */
public class CelerityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CelerityException(String message) {
        super(message);
    }

    public CelerityException(String message, Throwable cause) {
        super(message, cause);
    }
}
