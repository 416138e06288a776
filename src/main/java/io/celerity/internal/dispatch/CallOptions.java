package io.celerity.internal.dispatch;

import io.celerity.api.TaskHandle;

import java.util.Map;

/**
 * The per-call options of {@link io.celerity.api.Tasks#with}, held on the calling thread for the one task call made
 * inside, which takes them and leaves its handle.
 */
final class CallOptions {

    private static final ThreadLocal<CallOptions> CURRENT = new ThreadLocal<>();

    private final Map<String, ?> fields;
    private TaskHandle<?> handle;
    private boolean taken;

    private CallOptions(Map<String, ?> fields) {
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    static CallOptions open(Map<String, ?> fields) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("CELERITY-0104: Tasks.with(...) calls cannot be nested");
        }
        CallOptions options = new CallOptions(fields);
        CURRENT.set(options);
        return options;
    }

    /** The options of the current call, once: a task enqueued by the task call itself gets none. */
    static Map<String, ?> take() {
        CallOptions options = CURRENT.get();
        if (options == null || options.taken) {
            return Map.of();
        }
        options.taken = true;
        return options.fields;
    }

    static void handOver(TaskHandle<?> handle) {
        CallOptions options = CURRENT.get();
        if (options != null && options.handle == null) {
            options.handle = handle;
        }
    }

    TaskHandle<?> handle() {
        if (handle == null) {
            throw new IllegalStateException("CELERITY-0105: the call given to Tasks.with(...) enqueued no background "
                    + "task; call a @BackgroundTask method of an injected bean inside it");
        }
        return handle;
    }

    void close() {
        CURRENT.remove();
    }
}
