package io.celerity.internal.workflow;

import io.celerity.api.Signature;
import io.celerity.api.TaskOptions;
import io.celerity.internal.registry.TaskDefinition;

/** A {@link Signature} made from a captured call: the task, its arguments as a JSON array, and per-call options. */
record CapturedSignature<T>(TaskDefinition task, String arguments, TaskOptions options, boolean isImmutable)
        implements Signature<T> {

    @Override
    public String taskName() {
        return task.name();
    }

    @Override
    public Signature<T> immutable() {
        return new CapturedSignature<>(task, arguments, options, true);
    }

    @Override
    public Signature<T> with(TaskOptions newOptions) {
        if (newOptions == null) {
            throw new IllegalArgumentException(io.celerity.internal.message.ApiUseMessage.NULL_OPTIONS.format());
        }
        return new CapturedSignature<>(task, arguments, newOptions, isImmutable);
    }

    @Override
    public String toString() {
        return "Signature[" + task.name() + arguments + (isImmutable ? ", immutable" : "") + "]";
    }
}
