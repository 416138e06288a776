package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.internal.store.TaskStore;

import java.util.concurrent.CompletableFuture;

/**
 * One run of a task on this node, from the delivery of its message to its recorded outcome: the thread that runs the
 * body, and what the rest of the cluster asked of it (abort, terminate) or the clock decided (soft limit).
 */
public final class Run {

    private final String id;
    private final String runner;
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private Thread thread;
    private volatile int attempt;
    /** The task as this run's last change committed it. */
    private volatile TaskMeta row;
    private volatile boolean abortRequested;
    private volatile boolean abortSeen;
    private volatile String softLimitPassed;
    private boolean softLimitReported;
    private volatile boolean handedBack;

    /** A run of task {@code id} by {@code runner}, this node in this boot. */
    Run(String id, String runner) {
        this.id = id;
        this.runner = runner;
    }

    public String id() {
        return id;
    }

    int attempt() {
        return attempt;
    }

    /** This run's claim on its task row: its writes count only while the row is still this run's. */
    TaskStore.Claim claim() {
        return new TaskStore.Claim(runner, attempt);
    }

    void attempt(int attempt) {
        this.attempt = attempt;
    }

    /** The task as this run's last change committed it: its start, or an update since. */
    TaskMeta row() {
        return row;
    }

    void committed(TaskMeta row) {
        this.row = row;
    }

    /** Records that an abort was requested; the body sees it at its next {@code isAborted()}. */
    public void requestAbort() {
        abortRequested = true;
    }

    boolean checkAborted() {
        if (abortRequested) {
            abortSeen = true;
        }
        return abortRequested;
    }

    boolean abortSeen() {
        return abortSeen;
    }

    /** Ends the wait for the body (its task was recorded REVOKED) and interrupts it. */
    public void terminate() {
        released.complete(null);
        interrupt();
    }

    boolean terminated() {
        return released.isDone();
    }

    CompletableFuture<Void> released() {
        return released;
    }

    /** The node is stopping and the body did not end within the grace period: interrupt it and give the task back. */
    void handBack() {
        handedBack = true;
        interrupt();
    }

    boolean handedBack() {
        return handedBack;
    }

    void passSoftLimit(String reason) {
        softLimitPassed = reason;
        interrupt();
    }

    String softLimitPassed() {
        return softLimitPassed;
    }

    /** The soft-limit reason the first time it is asked after the limit passed, else {@code null}. */
    synchronized String reportSoftLimit() {
        if (softLimitPassed == null || softLimitReported) {
            return null;
        }
        softLimitReported = true;
        return softLimitPassed;
    }

    synchronized void bodyStarts(Thread bodyThread) {
        thread = bodyThread;
        if (released.isDone() || handedBack) {
            thread.interrupt(); // terminated or handed back before the body began
        }
    }

    /** Called on the body thread when the body has returned; clears an interrupt meant for this run. */
    void bodyEnds() {
        synchronized (this) {
            thread = null;
        }
        Thread.interrupted();
    }

    synchronized void interrupt() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
