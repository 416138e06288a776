package io.celerity.internal.message;

/** Messages of the REST API and the WebSocket feed (06xx). */
public enum WebMessage implements Message {

    OPEN_TO_ANYONE("CELERITY-0600: celerity.security.open is true: anyone who reaches this server can read and control "
            + "every task through /%s, /%s and %s"),
    INCIDENT("CELERITY-0601: incident %s on %s"),
    SOCKET_NOT_CLOSED("CELERITY-0610: closing a task socket failed: %s"),
    SOCKET_CLOSED_WHILE_SENDING("CELERITY-0611: a socket closed while sending: %s"),
    SOCKET_FAILED("CELERITY-0612: the task socket %s failed"),
    SNAPSHOT_FAILED("CELERITY-0613: the snapshot of a task socket failed"),
    SLOW_SOCKET_CLOSED("CELERITY-0614: the task socket of %s fell %s changes behind and was closed with 1013 (try again "
            + "later)");

    private final String template;

    WebMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
