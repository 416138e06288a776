package io.celerity.internal.tracing;

import java.util.Map;
import java.util.function.Supplier;

/** What Celerity does with traces: OpenTelemetry's when the server offers it, nothing otherwise. */
interface Traces {

    Traces OFF = new Off();

    Map<String, String> enqueued(String taskId, String taskName, String queue);

    Map<String, String> current();

    Iterable<String> fields();

    RunSpan run(Map<String, String> headers, String taskId, String taskName, String queue, int attempt);

    /** Tracing that records nothing and carries nothing. */
    final class Off implements Traces {

        private static final RunSpan NONE = new RunSpan() {
            @Override
            public <T> Supplier<T> wrap(Supplier<T> body) {
                return body;
            }

            @Override
            public void ended(String state, Throwable error) {
            }

            @Override
            public void close() {
            }
        };

        @Override
        public Map<String, String> enqueued(String taskId, String taskName, String queue) {
            return Map.of();
        }

        @Override
        public Map<String, String> current() {
            return Map.of();
        }

        @Override
        public Iterable<String> fields() {
            return java.util.List.of();
        }

        @Override
        public RunSpan run(Map<String, String> headers, String taskId, String taskName, String queue, int attempt) {
            return NONE;
        }
    }
}
