package ${package};

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * A background task: every call of {@link #add} returns at once with a handle, and a worker runs the body. It reports
 * its progress (33, 67, 100) in the task's {@code current} field, and fails when x + y == 0.
 */
@ApplicationScoped
public class LongAddition {

    @Inject
    TaskContext task;

    @BackgroundTask(name = "long-addition", type = AsyncTask.LONG, fields = "name=Long addition")
    public TaskHandle<Integer> add(int x, int y) throws InterruptedException {
        Thread.sleep(1000);
        task.update(TaskState.PROGRESS, Map.of("current", 33));   // committed at once, announced to everyone
        Thread.sleep(1000);
        task.update(TaskState.PROGRESS, Map.of("current", 67));
        if ((long) x + y == 0) {
            throw new IllegalArgumentException("x + y must not be 0");
        }
        Thread.sleep(1000);
        task.update(Map.of("current", 100));
        return TaskHandle.completed(Math.addExact(x, y));
    }
}
