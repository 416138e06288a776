package io.celerity.it.control;

import io.celerity.api.BackgroundTask;
import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskLifecycle;
import io.celerity.api.TaskMeta;
import io.celerity.api.WorkerLost;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Tasks that exercise every control option; each records what it did in the {@link Trail}. */
@ApplicationScoped
public class ControlTasks implements TaskLifecycle {

    /** A result that starts with this makes {@link #onSuccess} throw. */
    public static final String HANDLER_THROWS = "handler-throws-";

    @Inject
    TaskContext task;

    @Inject
    Trail trail;

    @Inject
    ControlTasks self;

    @Resource
    UserTransaction transaction;

    @BackgroundTask(name = "control.echo")
    public TaskHandle<String> echo(String key) {
        trail.run(key);
        trail.add("echo:" + key + ":attempt " + task.attempt());
        return TaskHandle.completed(key);
    }

    /** Begins a transaction and leaves it open, as a careless body might. */
    @BackgroundTask(name = "control.leaks-transaction")
    public TaskHandle<String> leaksTransaction(String key) throws Exception {
        trail.run(key);
        transaction.begin();
        return TaskHandle.completed(key);
    }

    /** Enqueues an echo of the key from inside a body: a write that needs the body thread's own transaction. */
    @BackgroundTask(name = "control.spawn")
    public TaskHandle<String> spawn(String key) {
        return TaskHandle.completed(self.echo(key).id());
    }

    @BackgroundTask(name = "control.once", onWorkerLost = WorkerLost.FAIL)
    public void once(String key) {
        trail.run(key);
    }

    /** Fails with an IOException {@code failures} times, then succeeds; a negative count fails with a non-retried error. */
    @BackgroundTask(name = "control.flaky", maxRetries = 3, retryDelay = "200ms", retryOn = IOException.class,
            dontRetryOn = FileNotFoundException.class)
    public TaskHandle<Integer> flaky(String key, int failures) throws IOException {
        int run = trail.run(key);
        if (failures < 0) {
            throw new FileNotFoundException("no such file, run " + run);
        }
        if (run <= failures) {
            throw new IOException("flaky run " + run);
        }
        return TaskHandle.completed(run);
    }

    @BackgroundTask(name = "control.stubborn", maxRetries = 2, retryDelay = "100ms", retryBackoff = true)
    public void stubborn(String key) throws IOException {
        throw new IOException("stubborn run " + trail.run(key));
    }

    /** No retries in the annotation; the test configuration gives it two. */
    @BackgroundTask(name = "control.configured")
    public void configured(String key) {
        throw new IllegalStateException("configured run " + trail.run(key));
    }

    @BackgroundTask(name = "control.asks-retry", maxRetries = 1)
    public TaskHandle<Integer> asksForRetry(String key) {
        int run = trail.run(key);
        if (run == 1) {
            throw task.retry(new IOException("not yet"), Duration.ofMillis(300));
        }
        return TaskHandle.completed(run);
    }

    /** Sleeps in small steps up to {@code millis}; stops when aborted. */
    @BackgroundTask(name = "control.sleeper")
    public TaskHandle<String> sleeper(String key, long millis) throws InterruptedException {
        trail.run(key);
        trail.add("started:" + key);
        long end = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < end) {
                if (task.isAborted()) {
                    trail.add("saw abort:" + key);
                    return TaskHandle.completed("stopped early");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            trail.add("interrupted:" + key);
            throw e;
        }
        return TaskHandle.completed("slept");
    }

    /** Never looks at abort requests; holds until the gate of its key opens (at most a minute). */
    @BackgroundTask(name = "control.ignorant")
    public TaskHandle<String> ignorant(String key) throws InterruptedException {
        trail.run(key);
        trail.add("started:" + key);
        trail.awaitGate(key, 60);
        return TaskHandle.completed("done anyway");
    }

    @BackgroundTask(name = "control.soft", softTimeLimit = "500ms")
    public TaskHandle<String> soft(String key, boolean cleanUp) {
        trail.run(key);
        try {
            Thread.sleep(20_000);
            return TaskHandle.completed("slept");
        } catch (InterruptedException e) {
            trail.add("soft interrupt:" + key);
        }
        if (!cleanUp) {
            task.update(Map.of()); // throws SoftTimeLimitExceeded
        }
        try {
            task.update(Map.of());
        } catch (SoftTimeLimitExceeded e) {
            trail.add("soft exception:" + key);
        }
        return TaskHandle.completed("cleaned up");
    }

    /** Ignores interrupts until its gate opens. */
    @BackgroundTask(name = "control.spinner", timeLimit = "1s")
    public void spinner(String key) {
        trail.run(key);
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            Thread.interrupted();
            if (trail.has("release:" + key)) {
                break;
            }
            Thread.onSpinWait();
        }
        trail.add("spun out:" + key);
    }

    @BackgroundTask(name = "control.limited", rateLimit = "5/s")
    public void limited(String key) {
        trail.run(key);
    }

    @BackgroundTask(name = "control.blocker")
    public void blocker(String key) throws InterruptedException {
        trail.run(key);
        trail.awaitGate(key, 60);
    }

    @BackgroundTask(name = "control.ordered")
    public void ordered(String key) {
        trail.run(key);
        trail.add("ordered:" + key);
    }

    @BackgroundTask(name = "control.lane", queue = SlowLaneWorker.QUEUE)
    public void lane(String key) throws InterruptedException {
        trail.run(key);
        trail.add("lane started:" + key);
        trail.awaitGate(key, 60);
    }

    @Override
    public void onSuccess(TaskMeta meta, Object result) {
        trail.add("onSuccess:" + meta.getId() + ":" + result);
        if (String.valueOf(result).startsWith(HANDLER_THROWS)) {
            throw new IllegalStateException("onSuccess fails on purpose");
        }
    }

    @Override
    public void onFailure(TaskMeta meta, Throwable error) {
        trail.add("onFailure:" + meta.getId() + ":" + error.getMessage());
    }

    @Override
    public void onRetry(TaskMeta meta, Throwable error) {
        trail.add("onRetry:" + meta.getId() + ":" + meta.getAttempt() + ":" + error.getMessage());
    }

    @Override
    public void afterReturn(TaskMeta meta) {
        trail.add("afterReturn:" + meta.getId() + ":" + meta.getState());
    }
}
