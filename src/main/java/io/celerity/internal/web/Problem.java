package io.celerity.internal.web;

/** An RFC 9457 problem document, as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail, String instance) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance);
    }
}
