package io.celerity.internal.execution;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The task body running on this thread. The interceptor lets exactly one call of the task's own method through (the
 * worker's); any other task call made from the body is enqueued as usual.
 */
public final class RunningTask {

    private static final ThreadLocal<RunningTask> CURRENT = new ThreadLocal<>();

    private final Run run;
    private final String name;
    private final Method method;
    private boolean claimed;

    private RunningTask(Run run, String name, Method method) {
        this.run = run;
        this.name = name;
        this.method = method;
    }

    static void enter(Run run, String name, Method method) {
        CURRENT.set(new RunningTask(run, name, method));
    }

    static void exit() {
        CURRENT.remove();
    }

    /** Whether this call is the worker's own invocation of the running task's method. */
    public static boolean claim(Method method) {
        RunningTask running = CURRENT.get();
        if (running == null || running.claimed || !running.method.equals(method)) {
            return false;
        }
        running.claimed = true;
        return true;
    }

    /** The id of the task whose body runs on this thread, if any. */
    public static Optional<String> currentTaskId() {
        return current().map(RunningTask::id);
    }

    static Optional<RunningTask> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    Run run() {
        return run;
    }

    String id() {
        return run.id();
    }

    String name() {
        return name;
    }
}
