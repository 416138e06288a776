package io.celerity.it.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import io.celerity.demo.AsyncTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** The seed's example task with short pauses (the demo's LongAddition takes seconds), and a task that runs long. */
@ApplicationScoped
public class Calculator {

    @Inject
    TaskContext task;

    @Inject
    Invocations invocations;

    @Inject
    Fixtures fixtures;

    /** Renames its own task in a transaction of the application's, then ends. */
    @BackgroundTask(name = "self-renaming", type = AsyncTask.SHORT)
    public TaskHandle<String> renameSelf(String name) {
        fixtures.rename(task.id(), name);
        return TaskHandle.completed(name);
    }

    @BackgroundTask(name = "quick-addition", type = AsyncTask.SHORT, fields = "name=Quick addition")
    public TaskHandle<Integer> add(int x, int y) throws InterruptedException {
        invocations.record(task.id(), "add:" + x + "+" + y);
        Thread.sleep(50);
        task.update(TaskState.PROGRESS, Map.of("current", 33));
        Thread.sleep(50);
        task.update(TaskState.PROGRESS, Map.of("current", 67));
        if (x + y == 0) {
            throw new IllegalArgumentException("x + y must not be 0");
        }
        Thread.sleep(50);
        task.update(Map.of("current", 100));
        return TaskHandle.completed(x + y);
    }

    /**
     * Counts up in the entity's own field through its class, twice, then tries a name longer than the entity allows;
     * returns how that update was refused.
     */
    @BackgroundTask(name = "typed-count", type = AsyncTask.SHORT)
    public TaskHandle<String> typedCount(long by) {
        task.update(TaskState.PROGRESS, AsyncTask.class, t -> t.setCurrent(t.getCurrent() + by));
        task.update(AsyncTask.class, t -> t.setCurrent(t.getCurrent() + by));
        try {
            task.update(AsyncTask.class, t -> t.setName("n".repeat(201)));
            return TaskHandle.completed("accepted");
        } catch (IllegalArgumentException e) {
            return TaskHandle.completed(e.getMessage());
        }
    }

    /** Runs longer than the test server's JTA timeout (4 s), reporting progress every half second. */
    @BackgroundTask(name = "slow-count", type = AsyncTask.LONG)
    public TaskHandle<Long> slowCount(int steps) throws InterruptedException {
        for (int i = 1; i <= steps; i++) {
            Thread.sleep(500);
            task.progress(i, steps);
        }
        return TaskHandle.completed((long) steps);
    }
}
