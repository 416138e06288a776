package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The runs in progress on this node, by task id; control requests from any node are applied here. */
@ApplicationScoped
public class Runs {

    @Inject
    CelerityConfig config;

    private final ConcurrentMap<String, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** From now on this node starts no task: it is shutting down. */
    void stop() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Registers a run, or returns {@code null} when this node already runs the task. */
    Run register(String id) {
        Run run = new Run(id, config.runner());
        return runs.putIfAbsent(id, run) == null ? run : null;
    }

    void remove(Run run) {
        runs.remove(run.id(), run);
    }

    public Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    public Set<String> ids() {
        return Set.copyOf(runs.keySet());
    }
}
