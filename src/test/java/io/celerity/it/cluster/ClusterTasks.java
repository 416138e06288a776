package io.celerity.it.cluster;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A task that records where and when its body started and ended. */
@ApplicationScoped
public class ClusterTasks {

    @Inject
    TaskContext task;

    @Inject
    RunLog log;

    @BackgroundTask(name = "cluster.work")
    public void work(String key, long millis) throws InterruptedException {
        String node = System.getProperty("celerity.node");
        log.record(key, "start", node, task.attempt());
        if (millis > 0) {
            Thread.sleep(millis);
        }
        log.record(key, "end", node, task.attempt());
    }
}
