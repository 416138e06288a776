package io.celerity.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A workflow, Celery's canvas: a {@link Signature} (one task call described, not made), or a composition of
 * workflows. Build signatures with {@link Workflows#signature}, compose them here, start the result with
 * {@link Workflows#start}.
 *
 * <pre>{@code
 * Canvas<Integer> sum = Canvas.chord(
 *         Canvas.group(workflows.signature(() -> math.add(2, 2)), workflows.signature(() -> math.add(4, 4))),
 *         workflows.signature(() -> math.sum(null)));   // null: the list of the group's results goes here
 * }</pre>
 *
 * <p>A member that follows others receives what they returned as its <b>first argument</b>, replacing the value
 * written in its signature (write any placeholder, e.g. {@code null} or {@code 0}), unless the signature is
 * {@link Signature#immutable()}. The types are checked when the workflow starts: a first parameter that cannot take
 * what it would receive is refused then, not when the member runs.
 *
 * @param <R> what the workflow returns to {@link WorkflowHandle#get} and passes on to what follows it
 */
public sealed interface Canvas<R> permits Signature, Canvas.Chain, Canvas.Group, Canvas.Chord, Canvas.Linked,
        Canvas.Guarded {

    /**
     * Each step runs after the previous one succeeded, with its result as first argument; a failure stops the chain
     * (the rest ends {@link TaskState#SKIPPED}). A chain returns what its last step returns.
     */
    static <R> Canvas<R> chain(Canvas<?> first, Canvas<?>... rest) {
        List<Canvas<?>> steps = new ArrayList<>();
        steps.add(first);
        steps.addAll(rest == null ? Collections.singletonList(null) : Arrays.asList(rest));
        return new Chain<>(steps);
    }

    /** The members run in parallel; the group returns the list of their results, in the members' order. */
    @SafeVarargs
    static <T> Group<T> group(Canvas<? extends T>... members) {
        return new Group<>(members == null ? Collections.singletonList(null) : Arrays.asList(members));
    }

    /** A group over a list, e.g. one task over many arguments ({@link Workflows#map} builds it). */
    static <T> Group<T> group(Collection<? extends Canvas<? extends T>> members) {
        return new Group<>(new ArrayList<>(members));
    }

    /**
     * The body runs once, after every member of the group succeeded, with the list of their results as first
     * argument. If a member does not succeed, the body never runs (it ends SKIPPED).
     */
    static <T, R> Canvas<R> chord(Group<T> header, Canvas<R> body) {
        return new Chord<>(header, body);
    }

    /** This workflow, then {@code next} with this one's result: {@code chain(this, next)}. */
    default <N> Canvas<N> then(Canvas<N> next) {
        return new Chain<>(List.of(this, next));
    }

    /**
     * Celery's {@code link}: {@code callback} runs after this workflow succeeded, with its result as first argument;
     * the workflow still returns its own result.
     */
    default Canvas<R> link(Canvas<?> callback) {
        return new Linked<>(this, callback);
    }

    /**
     * Celery's {@code link_error}: {@code errback} runs once if a task of this workflow ends
     * {@link TaskState#FAILURE}, with a {@link TaskFailure} as first argument (unless it is immutable). If every task
     * of the workflow ends otherwise, it never runs and ends {@link TaskState#SKIPPED}.
     */
    default Canvas<R> onError(Signature<?> errback) {
        return new Guarded<>(this, errback);
    }

    /** Steps that run one after another. */
    record Chain<R>(List<Canvas<?>> steps) implements Canvas<R> {
        public Chain {
            steps = parts("a chain", steps);
        }
    }

    /** Members that run in parallel. */
    record Group<T>(List<Canvas<? extends T>> members) implements Canvas<List<T>> {
        public Group {
            members = parts("a group", members);
        }
    }

    /** A group and the body that runs once all of it succeeded. */
    record Chord<R>(Group<?> header, Canvas<R> body) implements Canvas<R> {
        public Chord {
            parts("a chord", Arrays.asList(header, body));
        }
    }

    /** A workflow with a callback that runs after it succeeded. */
    record Linked<R>(Canvas<R> canvas, Canvas<?> callback) implements Canvas<R> {
        public Linked {
            parts("a link", Arrays.asList(canvas, callback));
        }
    }

    /** A workflow with an error callback. */
    record Guarded<R>(Canvas<R> canvas, Signature<?> errback) implements Canvas<R> {
        public Guarded {
            parts("an error callback", Arrays.asList(canvas, errback));
        }
    }

    /** The parts as an unmodifiable list, none of them null. */
    private static <P> List<P> parts(String what, List<P> parts) {
        if (parts == null || parts.contains(null)) {
            throw new IllegalArgumentException(ApiMessage.NULL_WORKFLOW_PART.format(what));
        }
        return List.copyOf(parts);
    }
}
