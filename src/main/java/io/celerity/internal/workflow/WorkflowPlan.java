package io.celerity.internal.workflow;

import io.celerity.api.Canvas;
import io.celerity.api.Signature;
import io.celerity.api.TaskFailure;
import io.celerity.internal.message.WorkflowMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A workflow flattened into its tasks and the links between them, checked: every task that receives what others
 * return can take it. It reads and writes nothing.
 */
final class WorkflowPlan {

    private final List<PlannedTask> tasks = new ArrayList<>();
    private final Output output;

    private WorkflowPlan(Canvas<?> canvas) {
        output = plan(canvas, null);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(WorkflowMessage.EMPTY.format("the workflow"));
        }
    }

    /** @throws IllegalArgumentException if it cannot run as built */
    static WorkflowPlan of(Canvas<?> canvas) {
        return new WorkflowPlan(canvas);
    }

    List<PlannedTask> tasks() {
        return tasks;
    }

    /** What the workflow returns, by task index. */
    Output output() {
        return output;
    }

    /**
     * Plans a part of the workflow that follows {@code after} (what it receives; {@code null} for a first part).
     *
     * @return what the part returns
     */
    private Output plan(Canvas<?> canvas, Output after) {
        if (canvas == null) {
            throw new IllegalArgumentException(WorkflowMessage.NULL_PART.format("signature, chain, group or chord"));
        }
        if (canvas instanceof Signature<?> signature) {
            return new Output.One<>(task(captured(signature), after).index);
        }
        if (canvas instanceof Canvas.Chain<?> chain) {
            if (chain.steps().isEmpty()) {
                throw new IllegalArgumentException(WorkflowMessage.EMPTY.format("a chain"));
            }
            Output last = after;
            for (Canvas<?> step : chain.steps()) {
                last = plan(step, last);
            }
            return last;
        }
        if (canvas instanceof Canvas.Group<?> group) {
            return new Output.Many(group.members().stream().map(member -> plan(member, after)).toList());
        }
        if (canvas instanceof Canvas.Chord<?> chord) {
            return plan(chord.body(), plan(chord.header(), after));
        }
        if (canvas instanceof Canvas.Linked<?> linked) {
            Output returned = plan(linked.canvas(), after);
            plan(linked.callback(), returned);
            return returned;
        }
        return guarded((Canvas.Guarded<?>) canvas, after);
    }

    private PlannedTask task(CapturedSignature<?> signature, Output after) {
        PlannedTask task = add(signature);
        if (after == null) {
            return task;
        }
        List<Integer> previous = after.tasks();
        task.waitsFor = previous.size();
        previous.forEach(index -> tasks.get(index).next.add(task.index));
        task.parent = previous.isEmpty() ? null : previous.get(0);
        if (!signature.isImmutable()) {
            ResultTypes.check(signature.task(), ResultTypes.of(after, tasks));
            task.input = after;
        }
        return task;
    }

    private Output guarded(Canvas.Guarded<?> guarded, Output after) {
        int from = tasks.size();
        Output returned = plan(guarded.canvas(), after);
        int to = tasks.size();
        if (to == from) {
            throw new IllegalArgumentException(WorkflowMessage.EMPTY.format("the workflow an error callback guards"));
        }
        CapturedSignature<?> signature = captured(guarded.errback());
        PlannedTask errback = add(signature);
        errback.errback = true;
        errback.waitsFor = to - from;
        errback.parent = from;
        for (int i = from; i < to; i++) {
            tasks.get(i).onError.add(errback.index);
        }
        if (!signature.isImmutable()) {
            ResultTypes.check(signature.task(), ResultTypes.Produced.of(TaskFailure.class));
        }
        return returned;
    }

    private PlannedTask add(CapturedSignature<?> signature) {
        PlannedTask task = new PlannedTask(tasks.size(), signature);
        tasks.add(task);
        return task;
    }

    private static CapturedSignature<?> captured(Signature<?> signature) {
        if (signature instanceof CapturedSignature<?> captured) {
            return captured;
        }
        throw new IllegalArgumentException(signature == null ? WorkflowMessage.NULL_PART.format("signature")
                : WorkflowMessage.FOREIGN_SIGNATURE.format(signature.getClass().getName()));
    }
}
