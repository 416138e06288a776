package io.celerity.internal.workflow;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.dispatch.TaskDispatcher;
import io.celerity.internal.message.WorkflowMessage;
import io.celerity.internal.store.TaskEndings;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/**
 * The joins of workflows, decided in the transaction that records a task's end: for each task it links to, one
 * statement counts the end, and one conditional statement claims the task whose count is down to zero, so that of all
 * the ends only one releases it (QUEUED, its input written, its message sent after the commit) — a join fires exactly
 * once, whichever nodes end the tasks and however often their messages are delivered. A task that does not succeed
 * skips what follows it (SKIPPED, and on from there), and a failure releases the error callbacks it guards.
 */
@ApplicationScoped
public class Joins implements TaskEndings {

    @Inject
    TaskStore store;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    Inputs inputs;

    @Override
    public void ended(TaskMeta task) {
        Links links = Links.read(task.getLinks());
        boolean succeeded = TaskState.SUCCESS.equals(task.getState());
        boolean failed = TaskState.FAILURE.equals(task.getState());
        // one order (by id) for every transaction, so that two ends never wait for each other's rows
        Map<String, Boolean> linked = new TreeMap<>();
        links.next().forEach(id -> linked.put(id, false));
        links.onError().forEach(id -> linked.put(id, true));
        linked.forEach((id, errback) -> {
            if (errback ? failed : !succeeded) {
                store.claimPending(id, false).ifPresent(claimed -> {
                    if (errback) {
                        release(claimed, inputs.failureFor(claimed.task(), task));
                    } else {
                        claimed.change(TaskState.SKIPPED, write -> write.waitsFor(0)
                                .reason(WorkflowMessage.SKIPPED_AFTER.format(task.getId(), task.getState())));
                    }
                });
            } else if (store.countDown(id)) {
                store.claimPending(id, true).ifPresent(claimed -> {
                    if (errback) {
                        claimed.change(TaskState.SKIPPED, write -> write.waitsFor(0)
                                .reason(WorkflowMessage.NOTHING_FAILED.format()));
                    } else {
                        release(claimed, inputs.resultsFor(claimed.task()));
                    }
                });
            }
        });
    }

    private void release(TaskStore.Locked claimed, Inputs.Arguments arguments) {
        if (arguments.problem() != null) {
            claimed.change(TaskState.FAILURE, write -> write.waitsFor(0).celerityError(
                    WorkflowMessage.INPUT_NOT_BUILT.format(claimed.task().getId(), arguments.problem())));
            return;
        }
        TaskStore.Change released = claimed.change(TaskState.QUEUED,
                write -> write.waitsFor(0).arguments(arguments.json()));
        dispatcher.sendAfterCommit(released.task());
    }
}
