package io.celerity.internal.dispatch;

import io.celerity.api.TaskFailedException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskState;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.store.TaskStore;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A handle whose every read goes to the task store; waiting is woken by task events and re-checks every second. */
public final class StoredTaskHandle<T> implements TaskHandle<T> {

    private static final long RECHECK_MILLIS = 1000;

    private final String id;
    private final Type resultType;
    private final TaskStore store;
    private final TaskWaiters waiters;

    StoredTaskHandle(String id, Type resultType, TaskStore store, TaskWaiters waiters) {
        this.id = id;
        this.resultType = resultType;
        this.store = store;
        this.waiters = waiters;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String state() {
        return load().getState();
    }

    @Override
    public T get(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Void> finished = waiters.register(id);
        try {
            while (true) {
                TaskMeta task = load();
                if (task.isTerminal()) {
                    return outcome(task);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(ApiUseMessage.STILL_WAITING.format(id, task.getState(), timeout));
                }
                try {
                    finished.get(Math.min(left, RECHECK_MILLIS), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // look at the store again
                }
            }
        } finally {
            waiters.unregister(id, finished);
        }
    }

    @SuppressWarnings("unchecked")
    private T outcome(TaskMeta task) {
        if (!TaskState.SUCCESS.equals(task.getState())) {
            throw new TaskFailedException(id, task.getState(), task.getErrorType(), task.getErrorMessage(),
                    task.getErrorTrace());
        }
        return resultType == null ? null : (T) TaskJson.readValue(task.getResult(), resultType);
    }

    private TaskMeta load() {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Override
    public String toString() {
        return "TaskHandle[" + id + "]";
    }
}
