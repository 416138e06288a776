package io.celerity.internal.message;

/** Messages of workflows (08xx). */
public enum WorkflowMessage implements Message {

    NOTHING_CAPTURED("CELERITY-0801: Workflows.signature(...) and map(...) must call exactly one @BackgroundTask "
            + "method inside; the call is described as a workflow task, not made"),
    EMPTY("CELERITY-0802: %s has no task; a workflow, and what an error callback guards, needs at least one"),
    NO_FIRST_PARAMETER("CELERITY-0803: task %s follows other tasks and receives what they return as its first "
            + "argument, but it has no parameter; make its signature immutable() to keep it from receiving anything"),
    TYPE_MISMATCH("CELERITY-0804: task %s receives %s as its first argument, which its first parameter (%s) cannot "
            + "take; change the parameter, or make the signature immutable()"),
    OPTION_NOT_ALLOWED("CELERITY-0805: task %s in a workflow: %s"),
    FOREIGN_SIGNATURE("CELERITY-0806: a workflow may hold only signatures made by Workflows.signature(...), "
            + "signatureOf(...) or map(...), not %s"),
    NULL_PART("CELERITY-0807: a workflow holds null where a %s is expected"),
    INPUT_NOT_BUILT("CELERITY-0810: workflow task %s cannot receive what the tasks it follows returned, and fails: "
            + "%s"),
    SKIPPED_AFTER("CELERITY-0811: not run: task %s it follows ended %s"),
    NOTHING_FAILED("CELERITY-0812: not run: no task it guards failed");

    private final String template;

    WorkflowMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
