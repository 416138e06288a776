package io.celerity.internal.control;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskState;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Revoke, abort and delete. Every request is first recorded on the task row (so it survives restarts and reaches a
 * task that has not started yet); a request for a running task then goes to every node over the control topic, and
 * the node running it acts at once. Heartbeats re-read the requests, so a node that missed the message still acts.
 */
@ApplicationScoped
public class TaskControl {

    @Inject
    TaskStore store;

    @Inject
    ControlRequests requests;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * Revokes a task; a workflow's root task revokes the workflow: every task of it that has not ended
     * ({@link #revokeWorkflow}).
     */
    public boolean revoke(String id, boolean terminate) {
        boolean root = store.find(id).map(task -> id.equals(task.getRootId())).orElse(false);
        return root ? revokeWorkflow(id, terminate) > 0 : revokeTask(id, terminate);
    }

    /**
     * Revokes every task of a workflow that has not ended, each as {@link #revoke} does. The tasks that wait for others
     * go first, so that none of them is released by a task that ends meanwhile.
     *
     * @return how many tasks this revoked
     */
    public int revokeWorkflow(String rootId, boolean terminate) {
        int revoked = 0;
        for (String member : store.unfinishedMembers(rootId)) {
            try {
                revoked += revokeTask(member, terminate) ? 1 : 0;
            } catch (TaskNotFoundException e) {
                // deleted meanwhile
            }
        }
        return revoked;
    }

    private boolean revokeTask(String id, boolean terminate) {
        Outcome outcome = store.locked(id, locked -> {
            TaskMeta task = existing(id, locked.task());
            if (task.isTerminal() || (Transitions.isRunning(task.getState()) && !terminate)) {
                return Outcome.NOTHING;
            }
            boolean running = Transitions.isRunning(task.getState());
            locked.change(TaskState.REVOKED, write -> write.reason(running
                    ? WorkerMessage.TERMINATED.format()
                    : WorkerMessage.REVOKED.format()));
            return running ? Outcome.TELL_RUNNER : Outcome.DONE;
        });
        if (outcome == Outcome.TELL_RUNNER) {
            requests.send(ControlRequest.terminate(id));
        }
        return outcome != Outcome.NOTHING;
    }

    public boolean abort(String id) {
        Outcome outcome = store.locked(id, locked -> {
            TaskMeta task = existing(id, locked.task());
            if (task.isTerminal()) {
                return Outcome.NOTHING;
            }
            if (Transitions.isNotStarted(task.getState())) {
                locked.change(TaskState.ABORTED, write -> write.abortRequestedAt(clock.instant())
                        .reason(WorkerMessage.ABORTED.format()));
                return Outcome.DONE;
            }
            if (task.getAbortRequestedAt() == null) {
                locked.touch(write -> write.abortRequestedAt(clock.instant()));
            }
            return Outcome.TELL_RUNNER;
        });
        if (outcome == Outcome.TELL_RUNNER) {
            requests.send(ControlRequest.abort(id));
        }
        return outcome != Outcome.NOTHING;
    }

    public boolean delete(String id) {
        try {
            revokeTask(id, true);
        } catch (TaskNotFoundException e) {
            return false;
        }
        return store.locked(id, locked -> {
            if (locked.task() == null || !locked.task().isTerminal()) {
                return false;
            }
            locked.delete();
            return true;
        });
    }

    private static TaskMeta existing(String id, TaskMeta task) {
        if (task == null) {
            throw new TaskNotFoundException(id);
        }
        return task;
    }

    private enum Outcome { NOTHING, DONE, TELL_RUNNER }
}
