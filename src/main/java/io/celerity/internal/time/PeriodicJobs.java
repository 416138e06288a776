package io.celerity.internal.time;

import io.celerity.internal.message.WorkerMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the node's periodic jobs: the heartbeat, the sweep, the schedule poll, retention and the presence messages.
 * <p>
 * They run on threads of the container's {@link ManagedThreadFactory}, not on its managed scheduled executor: WildFly
 * suspends a server before it stops it (and an administrator may suspend it for longer), and its managed scheduled
 * executor refuses every periodic run while suspended, each time with an ERROR and a stack trace (WFLYEE0110). A
 * suspended node is paused, not gone: its heartbeat must go on, or other nodes count it lost.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class.getName());
    /** One thread per job, so that a long retention pass or sweep never delays the heartbeat. */
    private static final int THREADS = 5;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ScheduledThreadPoolExecutor(THREADS, threads);
        executor.setRemoveOnCancelPolicy(true);
        // made now: a thread made later by a caller inside a transaction would take that transaction's context
        executor.prestartAllCoreThreads();
    }

    /**
     * Runs {@code job} after {@code initialDelay}, then again {@code delay} after each run ends. A failure the job
     * lets escape, an {@link Error} included, is logged and the job runs again after its period: an executor would
     * end the schedule of a job that throws, silently.
     */
    public ScheduledFuture<?> withFixedDelay(String name, Runnable job, Duration initialDelay, Duration delay) {
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, WorkerMessage.PERIODIC_JOB_FAILED.format(name, e), e);
            }
        };
        return executor.scheduleWithFixedDelay(guarded, initialDelay.toMillis(), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts no more runs, and waits for those in progress to end; interrupts them if they take long. */
    @PreDestroy
    void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
