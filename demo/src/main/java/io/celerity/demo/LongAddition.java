package io.celerity.demo;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** AsyncTask's example task: a long addition that reports 33, 67 and 100, and fails when x + y == 0. */
@ApplicationScoped
public class LongAddition {

    @Inject
    TaskContext task;

    @BackgroundTask(name = "long-addition", type = AsyncTask.LONG, fields = "name=Long addition")
    public TaskHandle<Integer> add(int x, int y) throws InterruptedException {
        Thread.sleep(1500);
        task.update(TaskState.PROGRESS, Map.of("current", 33));
        Thread.sleep(1500);
        task.update(TaskState.PROGRESS, Map.of("current", 67));
        if ((long) x + y == 0) {
            throw new IllegalArgumentException("x + y must not be 0");
        }
        Thread.sleep(1500);
        task.update(Map.of("current", 100));
        return TaskHandle.completed(Math.addExact(x, y)); // a sum past int fails the task, never wraps
    }
}
