package io.celerity.internal.web;

/**
 * The optional JSON body of an action on a task: {@code {"terminate": true}} for revoke; the other actions take
 * none. An empty body means no options.
 */
public record ActionRequest(Boolean terminate) {

    static final ActionRequest NONE = new ActionRequest(null);
}
