package io.celerity.it.web;

import io.celerity.api.BackgroundTask;
import io.opentelemetry.api.trace.Span;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/**
 * The test application's tasks: a quick one, one that waits at a gate, one that reports progress while it waits at a
 * gate, one that enqueues another, one that fails, one that is retried once.
 */
@ApplicationScoped
public class WebTasks {

    @Inject
    TaskContext task;

    @Inject
    Gate gate;

    @Inject
    WebTasks self;

    @BackgroundTask(name = "web-quick")
    public TaskHandle<Integer> add(int x, int y) {
        task.update(Map.of("current", 100));
        return TaskHandle.completed(x + y);
    }

    /** The trace its run belongs to, as the body sees it. */
    @BackgroundTask(name = "web-traced")
    public TaskHandle<String> traced() {
        return TaskHandle.completed(Span.current().getSpanContext().getTraceId());
    }

    @BackgroundTask(name = "web-slow")
    public void slow(String key) throws InterruptedException {
        while (!gate.isOpen(key) && !task.isAborted()) {
            Thread.sleep(20);
        }
    }

    /** Halfway ({@code PROGRESS}, 1 of 2) until its gate opens, then done. */
    @BackgroundTask(name = "web-steps")
    public void steps(String key) throws InterruptedException {
        task.update(TaskState.PROGRESS, Map.of("current", 1, "total", 2));
        slow(key);
        task.update(Map.of("current", 2));
    }

    /** Enqueues a quick task from its body and returns that task's id. */
    @BackgroundTask(name = "web-parent")
    public TaskHandle<String> parent() {
        return TaskHandle.completed(self.add(2, 3).id());
    }

    /** Never runs: its queue's worker takes no message. */
    @BackgroundTask(name = "web-stalled", queue = StalledWorker.QUEUE)
    public void stalled() {
    }

    @BackgroundTask(name = "web-fail")
    public void fail(String why) {
        throw new IllegalStateException(why);
    }

    /** Asks for a retry in its first run, succeeds in its second. */
    @BackgroundTask(name = "web-retry", maxRetries = 1)
    public void retryOnce() {
        if (task.attempt() == 1) {
            throw task.retry(new IllegalStateException("once more"), Duration.ofMillis(100));
        }
    }
}
