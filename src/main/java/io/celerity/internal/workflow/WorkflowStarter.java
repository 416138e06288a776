package io.celerity.internal.workflow;

import io.celerity.api.Canvas;
import io.celerity.api.TaskOptions;
import io.celerity.api.WorkflowHandle;
import io.celerity.internal.dispatch.TaskDispatcher;
import io.celerity.internal.execution.RunningTask;
import io.celerity.internal.message.WorkflowMessage;
import io.celerity.internal.store.NewTask;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a workflow: plans and checks it, records all its tasks in one transaction (the caller's when there is one:
 * all its rows exist or none), and sends the first tasks' messages as a single task's enqueue does.
 */
@ApplicationScoped
public class WorkflowStarter {

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    TaskStore store;

    @Inject
    Inputs inputs;

    @Inject
    WorkflowHandles handles;

    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public <R> WorkflowHandle<R> start(Canvas<R> canvas) {
        WorkflowPlan plan = WorkflowPlan.of(canvas);
        List<PlannedTask> planned = plan.tasks();
        planned.forEach(WorkflowStarter::checkOptions);
        List<String> ids = planned.stream().map(task -> UUID.randomUUID().toString()).toList();
        String root = ids.get(0);
        List<TaskStore.Insert> inserts = new ArrayList<>(planned.size());
        Map<String, Type> resultTypes = new HashMap<>();
        for (PlannedTask task : planned) {
            CapturedSignature<?> signature = task.signature;
            Links links = new Links(task.next.stream().map(ids::get).toList(),
                    task.onError.stream().map(ids::get).toList(),
                    task.input == null ? null : task.input.<Integer, String>rename(ids::get),
                    task.errback && !signature.isImmutable());
            boolean linked = !links.next().isEmpty() || !links.onError().isEmpty() || links.input() != null
                    || links.receivesFailure();
            NewTask created = dispatcher.prepare(signature.task(), signature.arguments(), signature.options(),
                            ids.get(task.index))
                    .workflow(root, task.parent == null ? null : ids.get(task.parent), task.waits(), task.waitsFor,
                            linked ? links.write() : null);
            if (!task.waits() && links.input() != null) {
                // it follows only empty groups: what it receives is known now
                Inputs.Arguments arguments = inputs.resultsFor(created.task());
                if (arguments.problem() != null) {
                    throw new IllegalArgumentException(WorkflowMessage.INPUT_NOT_BUILT.format(ids.get(task.index),
                            arguments.problem()));
                }
                created.arguments(arguments.json());
            }
            inserts.add(new TaskStore.Insert(created, signature.task().defaultFields(), signature.options().fields(),
                    signature.options().typedFields()));
            resultTypes.put(ids.get(task.index), signature.task().resultType());
        }
        store.insertAll(inserts, RunningTask.currentTaskId().orElse(null));
        for (int i = 0; i < planned.size(); i++) {
            if (!planned.get(i).waits()) {
                dispatcher.send(inserts.get(i).created().task());
            }
        }
        return handles.handle(root, plan.output().<Integer, String>rename(ids::get), resultTypes);
    }

    private static void checkOptions(PlannedTask task) {
        TaskOptions options = task.signature.options();
        String name = task.signature.taskName();
        if (options.id() != null) {
            throw new IllegalArgumentException(WorkflowMessage.OPTION_NOT_ALLOWED.format(name,
                    "a workflow chooses its tasks' ids; remove the id option"));
        }
        if (task.waits() && options.dueAt(Instant.EPOCH) != null) {
            throw new IllegalArgumentException(WorkflowMessage.OPTION_NOT_ALLOWED.format(name,
                    "a countdown or eta is allowed only on a workflow's first tasks, not on one that waits for others"));
        }
        if (task.waits() && options.expiresAt(Instant.EPOCH) != null) {
            throw new IllegalArgumentException(WorkflowMessage.OPTION_NOT_ALLOWED.format(name,
                    "an expiry is allowed only on a workflow's first tasks; one that waits for others expires as its "
                            + "@BackgroundTask(expires) says, counted from its release"));
        }
    }
}
