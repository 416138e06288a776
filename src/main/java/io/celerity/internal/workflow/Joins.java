package io.celerity.internal.workflow;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.dispatch.TaskDispatcher;
import io.celerity.internal.message.WorkflowMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.TaskEndings;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The joins of workflows, decided in the transaction that records tasks' ends: for each task an end links to, one
 * statement counts the end, and one conditional statement claims the task whose count is down to zero, so that of all
 * the ends only one releases it (QUEUED, its input written, its message sent after the commit) — a join fires exactly
 * once, whichever nodes end the tasks and however often their messages are delivered. A task that does not succeed
 * skips what follows it (SKIPPED, and on from there), and a failure releases the error callbacks it guards.
 *
 * <p>The tasks an end reaches are taken in id order, all the ends of a group commit together, so that two transactions
 * take their rows in one order; the skips an end causes are worked through in rounds, not by recursion, however long
 * the chain.
 */
@ApplicationScoped
public class Joins implements TaskEndings {

    /** The ends still to work through on this thread, while a round is being worked through. */
    private static final ThreadLocal<Deque<TaskMeta>> LATER = new ThreadLocal<>();

    @Inject
    TaskStore store;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    TaskRegistry registry;

    @Inject
    Inputs inputs;

    @Inject
    @CelerityClock
    Clock clock;

    /** One end reaching one linked task. */
    private record Reach(TaskMeta ended, boolean errback) {
    }

    @Override
    public void ended(List<TaskMeta> tasks) {
        Deque<TaskMeta> later = LATER.get();
        if (later != null) {
            later.addAll(tasks); // a skip made by the round under way: the next round takes it
            return;
        }
        later = new ArrayDeque<>(tasks);
        LATER.set(later);
        try {
            while (!later.isEmpty()) {
                List<TaskMeta> round = new ArrayList<>(later);
                later.clear();
                reached(round).forEach((id, reaches) -> reaches.forEach(reach -> reach(id, reach)));
            }
        } finally {
            LATER.remove();
        }
    }

    private static Map<String, List<Reach>> reached(List<TaskMeta> ended) {
        Map<String, List<Reach>> reached = new TreeMap<>();
        for (TaskMeta task : ended) {
            Links links = Links.read(task.getLinks());
            links.next().forEach(id -> reached.computeIfAbsent(id, key -> new ArrayList<>()).add(new Reach(task, false)));
            links.onError().forEach(id -> reached.computeIfAbsent(id, key -> new ArrayList<>()).add(new Reach(task, true)));
        }
        return reached;
    }

    private void reach(String id, Reach reach) {
        TaskMeta ended = reach.ended();
        boolean succeeded = TaskState.SUCCESS.equals(ended.getState());
        boolean failed = TaskState.FAILURE.equals(ended.getState());
        if (reach.errback() ? failed : !succeeded) {
            store.claimPending(id, false).ifPresent(claimed -> {
                if (reach.errback()) {
                    release(claimed, inputs.failureFor(claimed.task(), ended));
                } else {
                    claimed.change(TaskState.SKIPPED, write -> write.waitsFor(0)
                            .reason(WorkflowMessage.SKIPPED_AFTER.format(ended.getId(), ended.getState())));
                }
            });
        } else if (store.countDown(id)) {
            store.claimPending(id, true).ifPresent(claimed -> {
                if (reach.errback()) {
                    claimed.change(TaskState.SKIPPED, write -> write.waitsFor(0)
                            .reason(WorkflowMessage.NOTHING_FAILED.format()));
                } else {
                    release(claimed, inputs.resultsFor(claimed.task()));
                }
            });
        }
    }

    private void release(TaskStore.Locked claimed, Inputs.Arguments arguments) {
        if (arguments.problem() != null) {
            claimed.change(TaskState.FAILURE, write -> write.waitsFor(0).celerityError(
                    WorkflowMessage.INPUT_NOT_BUILT.format(claimed.task().getId(), arguments.problem())));
            return;
        }
        Duration expires = registry.byName(claimed.task().getTaskName()).map(TaskDefinition::policy)
                .map(TaskPolicy::expires).orElse(null);
        TaskStore.Change released = claimed.change(TaskState.QUEUED, write -> write.waitsFor(0)
                .arguments(arguments.json())
                .expiresAt(expires == null ? null : clock.instant().plus(expires)));
        dispatcher.sendAfterCommit(released.task());
    }
}
