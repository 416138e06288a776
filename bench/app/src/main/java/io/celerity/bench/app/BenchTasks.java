package io.celerity.bench.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The measured tasks: one that does nothing, one that reports progress ten times. */
@ApplicationScoped
public class BenchTasks {

    @Inject
    TaskContext task;

    private final Set<String> workerThreads = ConcurrentHashMap.newKeySet();

    @BackgroundTask(name = "noop")
    public void noop(int i) {
        workerThreads.add(Thread.currentThread().getName());
    }

    @BackgroundTask(name = "progress")
    public void progress(int i) {
        workerThreads.add(Thread.currentThread().getName());
        for (int step = 1; step <= 10; step++) {
            task.progress(step, 10);
        }
    }

    /** How many distinct worker threads ran tasks: the consumer concurrency actually in effect. */
    public int workerThreads() {
        return workerThreads.size();
    }
}
