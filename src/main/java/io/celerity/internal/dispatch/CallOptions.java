package io.celerity.internal.dispatch;

import io.celerity.api.CelerityException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.registry.TaskDefinition;

/**
 * The per-call options of {@link io.celerity.api.Tasks#with}, held on the calling thread for the one task call made
 * inside, which takes them and leaves its handle; or a capture ({@link CallCapture}), which records the one task call
 * made inside instead of enqueueing it.
 */
final class CallOptions {

    private static final ThreadLocal<CallOptions> CURRENT = new ThreadLocal<>();

    private final TaskOptions options;
    private final boolean capturing;
    /** What a capture says when the lambda makes no task call, or more than one. */
    private final String captureMisuse;
    private TaskHandle<?> handle;
    private CallCapture.Captured captured;
    private boolean taken;

    private CallOptions(TaskOptions options, boolean capturing, String captureMisuse) {
        this.options = options;
        this.capturing = capturing;
        this.captureMisuse = captureMisuse;
    }

    static CallOptions open(TaskOptions options) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException(ApiUseMessage.NESTED_CALLS.format());
        }
        CallOptions call = new CallOptions(options, false, null);
        CURRENT.set(call);
        return call;
    }

    static CallOptions openCapture(String misuse) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException(ApiUseMessage.NESTED_CALLS.format());
        }
        CallOptions call = new CallOptions(TaskOptions.none(), true, misuse);
        CURRENT.set(call);
        return call;
    }

    /**
     * Records a task call when the thread captures one, instead of enqueueing it.
     *
     * @return whether it was captured (then nothing is enqueued)
     * @throws IllegalStateException on a second task call inside one capture
     */
    static boolean capture(TaskDefinition task, Object[] args) {
        CallOptions call = CURRENT.get();
        if (call == null || !call.capturing) {
            return false;
        }
        if (call.captured != null) {
            throw new IllegalStateException(call.captureMisuse);
        }
        call.captured = new CallCapture.Captured(task,
                TaskJson.writeArguments(task.name(), args, task.parameterTypes()));
        return true;
    }

    CallCapture.Captured captured() {
        if (captured == null) {
            throw new IllegalStateException(captureMisuse);
        }
        return captured;
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

    /**
     * Makes the call on this thread within these options, then closes them; a checked exception of the task method
     * becomes a {@link CelerityException}.
     */
    void run(Tasks.VoidTaskCall call) {
        try {
            call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CelerityException(ApiUseMessage.CALL_FAILED.format(e), e);
        } finally {
            close();
        }
    }

    void close() {
        CURRENT.remove();
    }
}
