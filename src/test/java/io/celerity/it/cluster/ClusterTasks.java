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
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                log.record(key, "interrupt", node, task.attempt());
                throw e;
            }
        }
        log.record(key, "end", node, task.attempt());
    }

    /** Works for {@code millis} unless an abort is asked for, which it looks at every 20 ms. */
    @BackgroundTask(name = "cluster.abortable")
    public void abortable(String key, long millis) throws InterruptedException {
        String node = System.getProperty("celerity.node");
        log.record(key, "start", node, task.attempt());
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (task.isAborted()) {
                log.record(key, "abort", node, task.attempt());
                return;
            }
            Thread.sleep(20);
        }
        log.record(key, "end", node, task.attempt());
    }
}
