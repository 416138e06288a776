package io.celerity.it.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** The seed's example task: a long addition reporting 33, 67, 100, failing when x + y == 0. */
@ApplicationScoped
public class Calculator {

    @Inject
    TaskContext task;

    @Inject
    Invocations invocations;

    @BackgroundTask(name = "long-addition", type = AsyncTask.LONG, fields = "name=Long addition")
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
