package io.celerity.api;

/** No task has the given id: it was never committed, or it was deleted. Celerity has no "unknown means pending". */
public class TaskNotFoundException extends CelerityException {

    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String taskId) {
        super(ApiMessage.TASK_NOT_FOUND.format(taskId));
    }
}
