package io.celerity.internal.message;

/**
 * Messages of the API's use raised or logged by the internals: enqueueing and sending, handles, {@code Tasks},
 * {@code TaskContext} (01xx). Those of the API's own classes are in {@code io.celerity.api}.
 */
public enum ApiUseMessage implements Message {

    NESTED_CALLS("CELERITY-0104: Tasks.with(...) calls cannot be nested"),
    NOTHING_ENQUEUED("CELERITY-0105: the call given to Tasks.with(...) enqueued no background task; call a "
            + "@BackgroundTask method of an injected bean inside it"),
    CANNOT_SEND("CELERITY-0106: cannot send %s: %s"),
    CANNOT_DEAD_LETTER("CELERITY-0107: cannot dead-letter a message: %s"),
    NO_CONNECTION_FACTORY("CELERITY-0108: no JMS connection factory at '%s'; create it "
            + "(server-config/payara/post-boot-commands.asadmin) or set celerity.jms.connection-factory"),
    STILL_WAITING("CELERITY-0109: task %s is still %s after %s"),
    OUTSIDE_A_TASK_BODY("CELERITY-0110: TaskContext is used outside a task body; it works on the thread that runs a "
            + "task"),
    NOT_UPDATABLE("CELERITY-0111: task %s is %s and cannot be updated"),
    STATE_NOT_SETTABLE("CELERITY-0112: a task body cannot set state %s itself: return to succeed, throw to fail; use a "
            + "state of its own such as PROGRESS"),
    CALL_FAILED("CELERITY-0113: the task call failed: %s"),

    UNSENT_AT_SHUTDOWN("CELERITY-0115: task messages were still waiting to be sent at shutdown; the sweeper of a "
            + "running node sends them once they are overdue"),
    NO_ACTIVE_TRANSACTION("CELERITY-0116: a task must be enqueued inside an active transaction (the outbox sends its message when that transaction commits)"),
    NOT_SENT("CELERITY-0117: %s committed task(s) were not sent (%s); the sweeper sends them once they are overdue"),
    SLOW_SEND("CELERITY-0118: sending %s task message(s) took %s ms; %s wait to be sent"),

    ID_OF_ANOTHER_TASK("CELERITY-0125: task id %s belongs to a task %s, not %s"),
    NOT_RETRYABLE_STATE("CELERITY-0126: task %s is %s; only a task that ended without success can run again"),
    UNDEFINED_TASK_NAME("CELERITY-0127: task %s is a %s, which this application does not define"),
    NULL_OPTIONS("CELERITY-0128: options must not be null; use TaskOptions.none()"),
    SKIPPED_NOT_RETRYABLE("CELERITY-0130: task %s was SKIPPED: it never ran, and what it would have received from the "
            + "tasks it followed is not known; start its workflow again"),
    ID_TAKEN_MEANWHILE("CELERITY-0131: task id %s was enqueued by another caller while this transaction enqueued it "
            + "too, so this transaction is rolled back; run it again, and its enqueue returns that task");

    private final String template;

    ApiUseMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
