package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.store.NodeTable;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews the lease of the tasks this node runs (one statement), re-reads the revoke and abort requests for them,
 * reports this node ({@link NodeReport}, one row) and writes its task statistics ({@link StatsFlush}).
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

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

    @Inject
    StatsFlush stats;

    private boolean stopped;
    private boolean reportFailed;

    /**
     * From now on no beat reports this node: it has removed its row. Waits for a beat in progress, which would
     * otherwise write the row again after the removal.
     */
    synchronized void stop() {
        stopped = true;
    }

    synchronized void beat() {
        if (stopped) {
            return;
        }
        Set<String> running = runs.ids();
        if (!running.isEmpty()) {
            renew(running);
        }
        report();
        stats.flush();
    }

    /** This node's row is for the dashboard: a failure to write it is logged once and never stops the leases. */
    private void report() {
        try {
            nodes.report(report.now());
            reportFailed = false;
        } catch (RuntimeException e) {
            if (!reportFailed) {
                LOG.log(Level.WARNING, WorkerMessage.NODE_REPORT_FAILED.format(e), e);
            }
            reportFailed = true;
        }
    }

    private void renew(Set<String> running) {
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
