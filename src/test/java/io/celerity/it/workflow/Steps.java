package io.celerity.it.workflow;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskFailure;
import io.celerity.api.TaskHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The tasks WorkflowIT composes. */
@ApplicationScoped
public class Steps {

    @Inject
    Runs runs;

    @Inject
    TaskContext context;

    @BackgroundTask(name = "wf-add")
    public TaskHandle<Integer> add(int a, int b) {
        return TaskHandle.completed(a + b);
    }

    /** Records each run under its marker: a join that fired twice shows two. */
    @BackgroundTask(name = "wf-sum")
    public TaskHandle<Integer> sum(List<Integer> values, String marker) {
        runs.record(marker, values);
        return TaskHandle.completed(values.stream().mapToInt(Integer::intValue).sum());
    }

    @BackgroundTask(name = "wf-nested-sum")
    public TaskHandle<Integer> nestedSum(List<List<Integer>> values, String marker) {
        runs.record(marker, values);
        return TaskHandle.completed(values.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum());
    }

    @BackgroundTask(name = "wf-fail", maxRetries = 0)
    public TaskHandle<Integer> fail(int x) {
        throw new IllegalStateException("fails on purpose with " + x);
    }

    /** Fails its first attempt, and succeeds on the retry. */
    @BackgroundTask(name = "wf-flaky", maxRetries = 2, retryOn = IllegalStateException.class,
            retryDelay = "100ms")
    public TaskHandle<Integer> flaky(int x) {
        if (context.attempt() == 1) {
            throw new IllegalStateException("first attempt fails");
        }
        return TaskHandle.completed(x);
    }

    @BackgroundTask(name = "wf-expiring", expires = "1s")
    public TaskHandle<Integer> expiring(int x) {
        return TaskHandle.completed(x);
    }

    @BackgroundTask(name = "wf-text")
    public TaskHandle<String> text(int x) {
        return TaskHandle.completed("n" + x);
    }

    @BackgroundTask(name = "wf-record")
    public void record(Integer value, String marker) {
        runs.record(marker, value);
    }

    @BackgroundTask(name = "wf-on-error")
    public void onError(TaskFailure failure, String marker) {
        runs.record(marker, failure);
    }

    @BackgroundTask(name = "wf-no-parameter")
    public void noParameter() {
    }

    @BackgroundTask(name = "wf-slow")
    public TaskHandle<Integer> slow(int x, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return TaskHandle.completed(x);
    }
}
