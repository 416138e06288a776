package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * A graceful stop: the node starts no more tasks, lets running ones finish within {@code celerity.worker.shutdown-grace},
 * and hands back the rest (recorded RETRY and sent again, so another node runs them).
 */
@ApplicationScoped
public class WorkerShutdown {

    private static final Logger LOG = Logger.getLogger(WorkerShutdown.class.getName());
    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(10);

    @Inject
    Runs runs;

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        runs.stop();
        Duration grace = CelerityConfig.get().shutdownGrace();
        if (!awaitNoRuns(grace)) {
            LOG.warning(() -> "CELERITY-0243: " + runs.ids().size() + " task(s) still running after the shutdown grace "
                    + "of " + grace + "; they are interrupted and handed back");
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
