package io.celerity.bench.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The measured tasks: one that does nothing, one that reports progress ten times, and a chord's. */
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

    /** A chord's member: returns its number. */
    @BackgroundTask(name = "member")
    public TaskHandle<Integer> member(int i) {
        return TaskHandle.completed(i);
    }

    /** A chord's body: the sum of its members' numbers. */
    @BackgroundTask(name = "chord-body")
    public TaskHandle<Long> chordBody(List<Integer> values) {
        return TaskHandle.completed(values.stream().mapToLong(Integer::longValue).sum());
    }

    /** How many distinct worker threads ran tasks: the consumer concurrency actually in effect. */
    public int workerThreads() {
        return workerThreads.size();
    }
}
