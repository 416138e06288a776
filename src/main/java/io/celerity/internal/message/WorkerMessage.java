package io.celerity.internal.message;

/**
 * Messages of the worker side: task messages, runs and their ends, control requests, the sweeper, and the writes and
 * rate limits behind a start (02xx).
 */
public enum WorkerMessage implements Message {

    NOT_A_TEXT_MESSAGE("CELERITY-0201: not a text message (%s); task messages are JSON text"),
    NOT_A_JSON_OBJECT("CELERITY-0202: the body is not a JSON object: %s"),
    NO_VALID_TASK_ID("CELERITY-0203: the message has no valid task id"),
    NO_TASK_NAME("CELERITY-0204: the message names no task"),
    UNKNOWN_TASK("CELERITY-0205: unknown task '%s': no @BackgroundTask of this application has that name"),
    NO_ROW_YET("CELERITY-0206: no task row with id %s yet; the broker delivers the message again"),
    NOT_A_COMPLETED_HANDLE("CELERITY-0207: task %s returned %s; a task body returns its result with "
            + "TaskHandle.completed(value)"),
    NO_TASK_BEAN("CELERITY-0208: no CDI bean of class %s has the task method as a bean type; a @BackgroundTask must be "
            + "declared on a CDI bean or an EJB with a no-interface view"),
    NOT_STARTABLE("CELERITY-0209: task %s is %s; the message is dropped"),
    RUN_FAILED("CELERITY-0210: task %s failed"),
    END_REFUSED("CELERITY-0211: task %s could not end %s: it is %s"),
    DEAD_LETTERED("CELERITY-0212: message sent to the dead-letter queue: %s"),
    SECOND_MESSAGE("CELERITY-0213: task %s runs on this node; its second message is dropped"),
    NO_ROW("CELERITY-0214: no task row with id %s after %s deliveries: the task was deleted, or the message is "
            + "forged or stray"),
    START_FAILED("CELERITY-0215: task %s could not be started (%s); its message comes back in %s s"),
    REVOKED_WHILE_RUNNING("CELERITY-0216: task %s was revoked while running; its thread was interrupted"),
    SOFT_TIME_LIMIT_EXCEEDED("CELERITY-0217: soft time limit of %s exceeded"),
    TIME_LIMIT_EXCEEDED("CELERITY-0218: time limit of %s exceeded; the run was interrupted and abandoned"),
    WORKER_INTERRUPTED("CELERITY-0219: the worker was interrupted while task %s ran; the broker delivers it again"),
    WORKER_LOST("CELERITY-0220: worker lost: %s stopped renewing its heartbeat while running attempt %s%s"),
    EXPIRED("CELERITY-0221: not started before it expired at %s"),
    LIFECYCLE_HANDLER_FAILED("CELERITY-0222: a lifecycle handler of task %s failed: %s"),
    EXPIRED_NON_TASK_MESSAGE("CELERITY-0223: an expired message that is no task message was dropped: %s"),
    WRONG_QUEUE("CELERITY-0224: task %s belongs to queue %s, but its message came to %s; it was not run"),
    HANDED_BACK("CELERITY-0225: handed back when node %s stopped"),
    TRANSACTION_LEFT_OPEN("CELERITY-0227: the body of task %s left a transaction open (%s); it was rolled back, so "
            + "what the body wrote in it is lost: commit or roll back every transaction a body begins"),
    DELIVERIES_EXHAUSTED("CELERITY-0228: the broker dead-lettered the message of task %s from %s: every delivery "
            + "ended without an outcome (a worker threw or its node died each time); the task is FAILURE and the "
            + "message stays in celerity.dlq"),
    SENT_AWAY_WHILE_STOPPING("CELERITY-0226: this node is stopping; task %s is sent again for another node"),

    TERMINATED("CELERITY-0230: revoked and terminated on request while running"),
    REVOKED("CELERITY-0231: revoked on request before it started"),
    ABORTED("CELERITY-0232: aborted on request before it started"),
    CONTROL_REQUEST_NOT_SENT("CELERITY-0233: the %s request for task %s was recorded but not sent to the other nodes "
            + "(they pick it up with their next heartbeat): %s"),
    CONTROL_REQUEST_DROPPED("CELERITY-0234: a control request was dropped: %s"),

    SWEEP_FAILED("CELERITY-0240: the %s failed; it runs again at its next tick: %s"),
    WORKER_OF_TASK_LOST("CELERITY-0241: task %s lost its worker %s; it is now %s"),
    OVERDUE_SENT_AGAIN("CELERITY-0242: task %s is %s and was due at %s; its message is sent again"),
    RUNNING_AFTER_GRACE("CELERITY-0243: %s task(s) still running after the shutdown grace of %s; they are interrupted "
            + "and handed back"),
    PROBE_FAILED("CELERITY-0245: the %s does not answer the health probe (%s), so this node is not ready: %s"),
    NODE_REPORT_FAILED("CELERITY-0246: this node could not report itself in celerity_node (the dashboard may list it "
            + "as lost): %s"),
    NODE_ROW_KEPT("CELERITY-0244: node %s could not remove its row from celerity_node as it stopped (%s); the "
            + "dashboard lists it as lost until the row is a day old"),
    BROKER_FIGURES_UNREADABLE("CELERITY-0247: the broker did not show its queues' figures (%s); it must let the "
            + "application's broker user send to activemq.management and view mops.broker.listQueues "
            + "(docs/production.adoc)"),

    GROUP_COMMIT_FAILED("CELERITY-0250: a group commit of %s changes failed; they are written one by one"),
    GROUP_COMMIT_AT_SHUTDOWN("CELERITY-0251: a group commit was still being written at shutdown"),
    WRITE_INTERRUPTED("CELERITY-0252: interrupted while task %s was written"),
    WRITER_STOPPED("CELERITY-0253: task %s was not written: the writer stopped"),
    NO_START_SLOT("CELERITY-0254: no start slot of %s could be reserved within %s s"),
    START_SLOT_INTERRUPTED("CELERITY-0255: interrupted while reserving a start slot of %s"),

    TRACING_OFF("CELERITY-0262: tracing failed (%s) and is off on this node until it restarts; tasks run as before"),
    PERIODIC_JOB_FAILED("CELERITY-0263: the periodic job %s failed (%s); it runs again after its period"),

    DEAD_LETTER_REDRIVEN("CELERITY-0256: dead letter %s of task %s was re-driven by %s: the task runs again as %s"),
    DEAD_LETTER_DISCARDED("CELERITY-0257: dead letter %s (task %s) was discarded by %s: %s"),

    STATS_NOT_WRITTEN("CELERITY-0260: this node could not write its task statistics in celerity_stat; it keeps them "
            + "and tries again at its next heartbeat: %s"),
    STATS_DROPPED("CELERITY-0261: %s minute(s) of task statistics of this node were older than celerity.stats.keep "
            + "(%s) before they could be written, and were dropped");

    private final String template;

    WorkerMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
