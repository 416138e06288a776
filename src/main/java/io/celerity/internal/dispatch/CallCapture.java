package io.celerity.internal.dispatch;

import io.celerity.api.Tasks;
import io.celerity.internal.registry.TaskDefinition;

/**
 * Captures the one task call a lambda makes, its task and its arguments as JSON, without enqueueing it: how a
 * schedule or a workflow's task is described from Java with the compiler checking the call.
 */
public final class CallCapture {

    /** A captured call: the task, and its arguments as the JSON array a run will read. */
    public record Captured(TaskDefinition task, String arguments) {
    }

    private CallCapture() {
    }

    /**
     * @param misuse what the exception says when the lambda does not make exactly one task call
     * @throws IllegalStateException unless exactly one task call happens inside
     */
    public static Captured capture(Tasks.VoidTaskCall call, String misuse) {
        CallOptions opened = CallOptions.openCapture(misuse);
        opened.run(call);
        return opened.captured();
    }
}
