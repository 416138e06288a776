package io.celerity.api;

import java.util.Locale;

/**
 * Messages of the API's own classes (01xx), each a template that starts with its id and takes its arguments as
 * {@code %s}. Kept apart from the internals' messages, on which the API does not depend.
 */
enum ApiMessage {

    COMPLETED_HANDLE_READ("CELERITY-0101: TaskHandle.completed(...) carries a task body's result; it is not a handle "
            + "on a stored task. Use the handle returned to the caller instead."),
    TASK_FAILED("CELERITY-0102: task %s ended %s%s"),
    TASK_NOT_FOUND("CELERITY-0103: no task with id %s"),
    NEGATIVE_RETRY_COUNTDOWN("CELERITY-0120: a retry countdown cannot be negative: %s"),
    INVALID_OPTION("CELERITY-0121: %s must %s"),
    PRIORITY_OUT_OF_RANGE("CELERITY-0122: priority %s is not between 0 and 9"),
    NEGATIVE_MAX_RETRIES("CELERITY-0123: maxRetries %s is negative"),
    FIELDS_CODE_THREW("CELERITY-0133: the code that sets the fields of %s threw %s"),
    NOT_THE_TASK_ENTITY("CELERITY-0132: fields are set on %s, but the task entity is %s"),
    MALFORMED_TASK_ID("CELERITY-0124: a task id has 1 to 36 letters, digits or - _ . : characters, not '%s'"),
    NULL_WORKFLOW_PART("CELERITY-0129: %s of a workflow holds null; each part is a signature (Workflows.signature), "
            + "a chain, a group or a chord");

    private final String template;

    ApiMessage(String template) {
        this.template = template;
    }

    String format(Object... arguments) {
        return String.format(Locale.ROOT, template, arguments);
    }
}
