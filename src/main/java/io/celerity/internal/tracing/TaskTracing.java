package io.celerity.internal.tracing;

import io.celerity.internal.message.WorkerMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Traces that run from an enqueue to the task's runs (MicroProfile Telemetry, OpenTelemetry): the enqueue is a span of
 * the caller's trace (a REST request's, when a request enqueues), its context travels in the task message's properties
 * ({@code traceparent}, {@code tracestate}), and every run is a span of that trace. A message sent again from a run (a
 * retry) carries the run's context, so the next attempt joins the same trace.
 * <p>
 * Off when the server has no OpenTelemetry (WildFly without its opentelemetry subsystem), and costless when the
 * application leaves its SDK disabled ({@code otel.sdk.disabled}, the default): the server's no-op spans and
 * propagators do nothing.
 */
@ApplicationScoped
public class TaskTracing {

    private static final Logger LOG = Logger.getLogger(TaskTracing.class.getName());

    private volatile Traces traces;

    /** The context of a new enqueue span of the caller's current trace, as message properties. */
    public Map<String, String> enqueued(String taskId, String taskName, String queue) {
        try {
            return traces().enqueued(taskId, taskName, queue);
        } catch (RuntimeException | LinkageError e) {
            return failed(e).enqueued(taskId, taskName, queue);
        }
    }

    /** The current context (a run's, for the messages it sends), as message properties. */
    public Map<String, String> current() {
        try {
            return traces().current();
        } catch (RuntimeException | LinkageError e) {
            return failed(e).current();
        }
    }

    /** The names of the message properties a trace context may be in. */
    public Iterable<String> fields() {
        try {
            return traces().fields();
        } catch (RuntimeException | LinkageError e) {
            return failed(e).fields();
        }
    }

    /** Starts the span of a run, continuing the trace in the message's properties, current on this thread. */
    public RunSpan run(Map<String, String> headers, String taskId, String taskName, String queue, int attempt) {
        try {
            return traces().run(headers, taskId, taskName, queue, attempt);
        } catch (RuntimeException | LinkageError e) {
            return failed(e).run(headers, taskId, taskName, queue, attempt);
        }
    }

    /** Tracing that fails never fails a task: it is turned off, and that is logged once. */
    private Traces failed(Throwable error) {
        if (traces != Traces.OFF) {
            traces = Traces.OFF;
            LOG.log(Level.WARNING, WorkerMessage.TRACING_OFF.format(error), error);
        }
        return Traces.OFF;
    }

    /**
     * Found on first use, on a thread of the application (Payara hands out its OpenTelemetry bean only there); the
     * OpenTelemetry classes are touched only when the server offers them.
     */
    private Traces traces() {
        Traces found = traces;
        if (found == null) {
            found = present() ? OpenTelemetryTraces.resolve().orElse(Traces.OFF) : Traces.OFF;
            Traces resolved = found;
            LOG.fine(() -> "traces: " + resolved.getClass().getSimpleName());
            traces = found;
        }
        return found;
    }

    private static boolean present() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, TaskTracing.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
