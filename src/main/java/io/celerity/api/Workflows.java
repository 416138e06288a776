package io.celerity.api;

import java.util.Collection;

/**
 * Builds and starts workflows ({@link Canvas}); inject it with {@code @Inject Workflows workflows}.
 *
 * <pre>{@code
 * WorkflowHandle<Integer> total = workflows.start(
 *         workflows.signature(() -> math.add(2, 2)).then(workflows.signature(() -> math.add(0, 4))));
 * total.get(Duration.ofSeconds(10)); // 8: the second call received 4 as its first argument
 * }</pre>
 */
public interface Workflows {

    /**
     * Describes the one task call made inside, of a task method that returns a handle, without making it: the call
     * is captured, its arguments written as JSON now.
     *
     * @throws IllegalStateException unless exactly one task call happens inside
     */
    <T> Signature<T> signature(Tasks.TaskCall<T> call);

    /** Describes the one call of a {@code void} task method made inside, without making it. */
    Signature<Void> signatureOf(Tasks.VoidTaskCall call);

    /**
     * Celery's {@code map}/{@code chunks}: a group of one task over each item, e.g.
     * {@code workflows.map(files, file -> parser.parse(file))}.
     */
    <A, T> Canvas.Group<T> map(Collection<A> items, ItemCall<A, T> call);

    /**
     * Starts a workflow: every one of its tasks is recorded in one transaction (the caller's, when there is one),
     * those that wait for others {@link TaskState#PENDING}, and the first ones are sent.
     *
     * @throws IllegalArgumentException if the workflow cannot run as built (a type mismatch between steps, an option
     *                                  not allowed where it is): nothing is recorded
     */
    <R> WorkflowHandle<R> start(Canvas<R> canvas);

    /** One call of a task method for one item of a {@link #map}. */
    @FunctionalInterface
    interface ItemCall<A, T> {
        TaskHandle<T> call(A item) throws Exception;
    }
}
