package io.celerity.internal;

import io.celerity.api.BackgroundTask;

/** The broker addresses Celerity uses; server-config/artemis/broker.xml declares the same. */
public final class Destinations {

    /** The task queue (anycast). */
    public static final String TASKS = BackgroundTask.DEFAULT_QUEUE;
    /** Where messages that can never be processed end, with the reason in the property celerity_reason. */
    public static final String DEAD_LETTERS = "celerity.dlq";
    /** Where messages the broker expired end. */
    public static final String EXPIRED = "celerity.expired";
    /** The topic that carries task events to every node (multicast). */
    public static final String EVENTS = "celerity.events";

    private Destinations() {
    }
}
