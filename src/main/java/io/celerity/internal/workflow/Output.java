package io.celerity.internal.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a part of a workflow returns, as the tasks that return it: one task's result, or a list (a group's), whose
 * items are again one task's result or a list. It is what a following task receives as its first argument.
 */
sealed interface Output {

    /** One task's result; {@code task} is an index while planning, an id once stored. */
    record One<K>(K task) implements Output {
    }

    record Many(List<Output> items) implements Output {
        public Many {
            items = List.copyOf(items);
        }
    }

    /** The tasks whose results it holds, each once, in order. */
    default <K> List<K> tasks() {
        Set<K> tasks = new LinkedHashSet<>();
        collect(this, tasks);
        return new ArrayList<>(tasks);
    }

    /** The same output with each task named otherwise (indices to ids). */
    default <K, L> Output rename(Function<K, L> name) {
        return renamed(this, name);
    }

    @SuppressWarnings("unchecked")
    private static <K> void collect(Output output, Set<K> tasks) {
        if (output instanceof One<?> one) {
            tasks.add((K) one.task());
        } else {
            ((Many) output).items().forEach(item -> collect(item, tasks));
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, L> Output renamed(Output output, Function<K, L> name) {
        if (output instanceof One<?> one) {
            return new One<>(name.apply((K) one.task()));
        }
        return new Many(((Many) output).items().stream().map(item -> renamed(item, name)).toList());
    }
}
