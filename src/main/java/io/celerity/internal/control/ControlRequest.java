package io.celerity.internal.control;

/**
 * A request for the node that runs a task, sent to every node over the control topic.
 *
 * @param action {@code terminate} or {@code abort}
 */
public record ControlRequest(String action, String id) {

    static final String TERMINATE = "terminate";
    static final String ABORT = "abort";

    static ControlRequest terminate(String id) {
        return new ControlRequest(TERMINATE, id);
    }

    static ControlRequest abort(String id) {
        return new ControlRequest(ABORT, id);
    }
}
