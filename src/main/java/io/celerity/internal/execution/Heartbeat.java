package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.store.NodeTable;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Set;

/**
 * Reports this node ({@link NodeReport}, one row), renews the lease of the tasks it runs (one statement) and re-reads
 * the revoke and abort requests for them.
 */
@ApplicationScoped
public class Heartbeat {

    @Inject
    TaskStore store;

    @Inject
    Runs runs;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Inject
    NodeTable nodes;

    @Inject
    NodeReport report;

    void beat() {
        nodes.report(report.now());
        Set<String> running = runs.ids();
        if (running.isEmpty()) {
            return;
        }
        store.heartbeat(config.runner(), running, clock.instant());
        for (TaskMeta task : store.findAll(running)) {
            runs.get(task.getId()).ifPresent(run -> {
                if (TaskState.REVOKED.equals(task.getState())) {
                    run.terminate();
                } else if (task.getAbortRequestedAt() != null) {
                    run.requestAbort();
                }
            });
        }
    }
}
