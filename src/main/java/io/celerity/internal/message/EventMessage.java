package io.celerity.internal.message;

/** Messages of task events, local and from other nodes (05xx). */
public enum EventMessage implements Message {

    NOT_SENT("CELERITY-0501: task events were not sent to the other nodes: %s"),
    OBSERVER_FAILED("CELERITY-0502: an observer of task %s failed: %s"),
    REMOTE_EVENT_DROPPED("CELERITY-0503: an event message from another node was dropped: %s"),
    DROPPED_AT_SHUTDOWN("CELERITY-0504: task events still queued at shutdown were dropped"),
    PRESENCE_NOT_SENT("CELERITY-0505: this node could not tell the other nodes over the events topic that it is there "
            + "(%s); they send it no task events until it can");

    private final String template;

    EventMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
