package io.celerity.internal.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Traces through the server's OpenTelemetry bean. Loaded only when the server offers OpenTelemetry's classes. */
final class OpenTelemetryTraces implements Traces {

    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("celerity.task.id");
    static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("celerity.task.name");
    static final AttributeKey<String> TASK_STATE = AttributeKey.stringKey("celerity.task.state");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("celerity.task.attempt");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private OpenTelemetryTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.celerity");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The server's OpenTelemetry bean, when there is one (WildFly: with its microprofile-telemetry subsystem). */
    static Optional<Traces> resolve() {
        Instance<OpenTelemetry> bean = CDI.current().select(OpenTelemetry.class);
        return bean.isResolvable() ? Optional.of(new OpenTelemetryTraces(bean.get())) : Optional.empty();
    }

    @Override
    public Map<String, String> enqueued(String taskId, String taskName, String queue) {
        Span span = tracer.spanBuilder("enqueue " + taskName).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "activemq").setAttribute(DESTINATION, queue)
                .setAttribute(TASK_ID, taskId).setAttribute(TASK_NAME, taskName)
                .startSpan();
        try {
            return headers(Context.current().with(span));
        } finally {
            span.end();
        }
    }

    @Override
    public Map<String, String> current() {
        return headers(Context.current());
    }

    @Override
    public Iterable<String> fields() {
        return propagator.fields();
    }

    @Override
    public RunSpan run(Map<String, String> headers, String taskId, String taskName, String queue, int attempt) {
        Context parent = propagator.extract(Context.root(), headers, FROM_MAP);
        Span span = tracer.spanBuilder("run " + taskName).setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute(SYSTEM, "activemq").setAttribute(DESTINATION, queue)
                .setAttribute(TASK_ID, taskId).setAttribute(TASK_NAME, taskName).setAttribute(ATTEMPT, (long) attempt)
                .startSpan();
        Context context = parent.with(span);
        Scope scope = context.makeCurrent();
        return new RunSpan() {
            @Override
            public <T> Supplier<T> wrap(Supplier<T> body) {
                return () -> {
                    try (Scope ignored = context.makeCurrent()) {
                        return body.get();
                    }
                };
            }

            @Override
            public void ended(String state, Throwable error) {
                span.setAttribute(TASK_STATE, state);
                if (error != null) {
                    span.recordException(error);
                }
                if ("FAILURE".equals(state)) {
                    span.setStatus(StatusCode.ERROR);
                }
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }

    private Map<String, String> headers(Context context) {
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(context, headers, (carrier, key, value) -> carrier.put(key, value));
        return headers;
    }
}
