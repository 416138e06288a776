package io.celerity.api;

import java.time.Instant;
import java.util.Map;

/**
 * One committed change of a task, as observed with {@link TaskStateChanged} and pushed over the WebSocket feed.
 *
 * @param id           the task id
 * @param task         the task name
 * @param state        the state after the change, or {@link #DELETED} when the task's row was deleted
 * @param version      increases with every change of this task; order events of one task by it
 * @param changedAt    when the change was made
 * @param node         the node that made the change
 * @param fields       the application's columns of the task entity (associations by their id)
 * @param owner        the task's owner as a principal name ({@code celerity.security.owner-field}), or {@code null}
 * @param errorType    the exception class name of a failed task, else {@code null}
 * @param errorMessage the exception message of a failed task, else {@code null}
 * @param rootId       the workflow the task belongs to ({@link TaskMeta#getRootId()}), else {@code null}
 */
public record TaskEvent(String id, String task, String state, long version, Instant changedAt, String node,
                        Map<String, Object> fields, String owner, String errorType, String errorMessage,
                        String rootId) {

    /**
     * The state of the event that announces a deleted task ({@link Tasks#delete}): no row has it, and nothing follows
     * it. Its other components are the row's last values; its version is one more.
     */
    public static final String DELETED = "DELETED";

    /** Whether the task has ended for good. */
    public boolean isTerminal() {
        return TaskState.isTerminal(state);
    }
}
