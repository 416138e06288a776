package io.celerity.internal.tracing;

import java.util.function.Supplier;

/**
 * The span of one run of a task: current on the worker's thread until it is closed, and on the body's thread through
 * {@link #wrap}.
 */
public interface RunSpan extends AutoCloseable {

    /** The body, run with this span as the current one. */
    <T> Supplier<T> wrap(Supplier<T> body);

    /** How the run ended: the state it recorded, and what the body threw, if it threw. */
    void ended(String state, Throwable error);

    /** Ends the span and makes the worker's thread's span what it was. */
    @Override
    void close();
}
