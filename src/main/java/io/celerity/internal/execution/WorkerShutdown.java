package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * A graceful stop: the node starts no more tasks, lets running ones finish within {@code celerity.worker.shutdown-grace},
 * and hands back the rest (recorded RETRY and sent again, so another node runs them). Started by a JVM shutdown hook
 * (SIGTERM), which runs while the server waits its own shutdown grace ({@code --shutdowngrace}) with transactions,
 * data source and broker still working; and by {@link io.celerity.internal.web.WorkerStopListener} when only the
 * application is undeployed. The hook only sets flags and waits: the writes happen on the worker threads.
 */
@ApplicationScoped
public class WorkerShutdown {

    private static final Logger LOG = Logger.getLogger(WorkerShutdown.class.getName());
    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(10);

    @Inject
    Runs runs;

    @Inject
    CelerityConfig config;

    private Thread hook;

    /** Registers the JVM shutdown hook. */
    public synchronized void install() {
        if (hook == null) {
            hook = new Thread(this::stop, "celerity-worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    @PreDestroy
    synchronized void uninstall() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs or has run
            }
            hook = null;
        }
    }

    public void stop() {
        if (runs.stopping()) {
            return;
        }
        runs.stop();
        Duration grace = config.shutdownGrace();
        if (!awaitNoRuns(grace)) {
            LOG.warning(() -> WorkerMessage.RUNNING_AFTER_GRACE.format(runs.ids().size(),
                    grace));
            runs.ids().forEach(id -> runs.get(id).ifPresent(Run::handBack));
            awaitNoRuns(HAND_BACK_WAIT);
        }
    }

    private boolean awaitNoRuns(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runs.ids().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
