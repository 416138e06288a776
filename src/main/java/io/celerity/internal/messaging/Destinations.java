package io.celerity.internal.messaging;

import io.celerity.api.BackgroundTask;

/** The broker addresses Celerity uses; server-config/artemis/broker.xml declares the same. */
public final class Destinations {

    /** The task queue (anycast). */
    public static final String TASKS = BackgroundTask.DEFAULT_QUEUE;
    /** Where messages that can never be processed end, with the reason in the property celerity_reason. */
    public static final String DEAD_LETTERS = "celerity.dlq";
    /** Where the broker puts task messages that expired unstarted; the library marks their tasks EXPIRED. */
    public static final String EXPIRED = "celerity.expired";
    /** The topic that carries task events to every node (multicast). */
    public static final String EVENTS = "celerity.events";
    /** The topic that carries revoke-terminate and abort requests to every node (multicast). */
    public static final String CONTROL = "celerity.control";

    private Destinations() {
    }
}
