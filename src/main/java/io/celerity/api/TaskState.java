package io.celerity.api;

import java.util.Set;

/**
 * The built-in task states. A state is a plain string so that applications may record their own, such as
 * {@code "PROGRESS"}, through {@link TaskContext#update(String, java.util.Map)}; such a state counts as running.
 */
public final class TaskState {

    /** A workflow member recorded with its workflow, waiting for the members it follows to end; no message yet. */
    public static final String PENDING = "PENDING";
    /** Recorded and sent to the broker, waiting for a worker. */
    public static final String QUEUED = "QUEUED";
    /** Recorded and due later (countdown or eta). */
    public static final String SCHEDULED = "SCHEDULED";
    /** A worker runs it. */
    public static final String STARTED = "STARTED";
    /** The conventional custom state of a task that reports progress. */
    public static final String PROGRESS = "PROGRESS";
    /** Failed and waiting for another attempt. */
    public static final String RETRY = "RETRY";
    /** Finished with a result. */
    public static final String SUCCESS = "SUCCESS";
    /** Finished with an error. */
    public static final String FAILURE = "FAILURE";
    /** Cancelled before it finished. */
    public static final String REVOKED = "REVOKED";
    /** Stopped on request by its own cooperative check. */
    public static final String ABORTED = "ABORTED";
    /** Not started before its expiry time. */
    public static final String EXPIRED = "EXPIRED";
    /** A workflow member that never ran: a member it followed did not succeed, or it is an unneeded error callback. */
    public static final String SKIPPED = "SKIPPED";

    private static final Set<String> TERMINAL = Set.of(SUCCESS, FAILURE, REVOKED, ABORTED, EXPIRED, SKIPPED);

    private TaskState() {
    }

    /** Whether a task in this state has ended for good. */
    public static boolean isTerminal(String state) {
        return TERMINAL.contains(state);
    }

    /** The terminal states. */
    public static Set<String> terminal() {
        return TERMINAL;
    }
}
