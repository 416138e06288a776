package io.celerity.internal.dispatch;

import io.celerity.api.TaskHandle;
import io.celerity.api.TaskOptions;
import io.celerity.internal.message.ApiUseMessage;

/**
 * The per-call options of {@link io.celerity.api.Tasks#with}, held on the calling thread for the one task call made
 * inside, which takes them and leaves its handle.
 */
final class CallOptions {

    private static final ThreadLocal<CallOptions> CURRENT = new ThreadLocal<>();

    private final TaskOptions options;
    private TaskHandle<?> handle;
    private boolean taken;

    private CallOptions(TaskOptions options) {
        this.options = options;
    }

    static CallOptions open(TaskOptions options) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException(ApiUseMessage.NESTED_CALLS.format());
        }
        CallOptions call = new CallOptions(options);
        CURRENT.set(call);
        return call;
    }

    /** The options of the current call, once: a task enqueued by the task call itself gets none. */
    static TaskOptions take() {
        CallOptions call = CURRENT.get();
        if (call == null || call.taken) {
            return TaskOptions.none();
        }
        call.taken = true;
        return call.options;
    }

    static void handOver(TaskHandle<?> handle) {
        CallOptions options = CURRENT.get();
        if (options != null && options.handle == null) {
            options.handle = handle;
        }
    }

    TaskHandle<?> handle() {
        if (handle == null) {
            throw new IllegalStateException(ApiUseMessage.NOTHING_ENQUEUED.format());
        }
        return handle;
    }

    void close() {
        CURRENT.remove();
    }
}
