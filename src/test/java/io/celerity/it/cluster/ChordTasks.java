package io.celerity.it.cluster;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskLifecycle;
import io.celerity.api.TaskMeta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The tasks of the cluster's chords, each recording where its body started and ended. The last member may stop its
 * node dead right after its end is committed, before anything else happens there.
 */
@ApplicationScoped
public class ChordTasks implements TaskLifecycle {

    @Inject
    TaskContext task;

    @Inject
    RunLog log;

    @BackgroundTask(name = "cluster.chord-part")
    public TaskHandle<Integer> part(String key, int value) {
        record(key, "start");
        record(key, "end");
        return TaskHandle.completed(value);
    }

    @BackgroundTask(name = "cluster.chord-last")
    public TaskHandle<Integer> last(String key, int value, long millis, boolean haltAfterCommit)
            throws InterruptedException {
        record(key, "start");
        Thread.sleep(millis);
        record(key, "end");
        return TaskHandle.completed(value);
    }

    @BackgroundTask(name = "cluster.chord-sum")
    public TaskHandle<Integer> sum(List<Integer> values, String key) {
        record(key, "start");
        record(key, "end");
        return TaskHandle.completed(values.stream().mapToInt(Integer::intValue).sum());
    }

    /** Called once the last member's SUCCESS is committed: the node dies as if killed, before it sends anything more. */
    @Override
    public void onSuccess(TaskMeta ended, Object result) {
        if ("cluster.chord-last".equals(ended.getTaskName()) && ended.getArguments().endsWith("true]")) {
            Runtime.getRuntime().halt(137);
        }
    }

    private void record(String key, String phase) {
        log.record(key, phase, System.getProperty("celerity.node"), task.attempt());
    }
}
