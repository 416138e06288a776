package io.celerity.api;

/** No task has the given id: it was never committed, or it was deleted. Celerity has no "unknown means pending". */
public class TaskNotFoundException extends CelerityException {

    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String taskId) {
        super("CELERITY-0103: no task with id " + taskId);
    }
}
