package io.celerity.api;

/**
 * A task ended in a terminal state other than {@link TaskState#SUCCESS}. The original exception is not
 * re-instantiated: its class name, message and stack trace text are read back from the store.
 */
public class TaskFailedException extends CelerityException {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    private final String state;
    private final String errorType;
    private final String errorMessage;
    private final String remoteTrace;

    public TaskFailedException(String taskId, String state, String errorType, String errorMessage, String remoteTrace) {
        super(ApiMessage.TASK_FAILED.format(taskId, state,
                errorType == null ? "" : ": " + errorType + (errorMessage == null ? "" : ": " + errorMessage)));
        this.taskId = taskId;
        this.state = state;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.remoteTrace = remoteTrace;
    }

    public String taskId() {
        return taskId;
    }

    /** The terminal state the task ended in. */
    public String state() {
        return state;
    }

    /** The class name of the exception the task threw, or the reason Celerity recorded. */
    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The stack trace recorded where the task ran. */
    public String remoteTrace() {
        return remoteTrace;
    }
}
