package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Set;

/** Renews the lease of the tasks this node runs (one statement) and re-reads the revoke and abort requests for them. */
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

    void beat() {
        if (runs.ids().isEmpty()) {
            return;
        }
        Set<String> running = runs.ids();
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
