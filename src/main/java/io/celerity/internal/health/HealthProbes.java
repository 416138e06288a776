package io.celerity.internal.health;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.store.Backlogs;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The probes behind the readiness checks, each bounded by {@code celerity.health.timeout} and its answer reused for a
 * second: the database answers the backlog query, the broker a browse.
 */
@ApplicationScoped
public class HealthProbes {

    private static final Duration FRESH = Duration.ofSeconds(1);

    @Resource
    ManagedExecutorService executor;

    @Inject
    Backlogs backlogs;

    @Inject
    Messaging messaging;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    private BoundedProbe<List<Backlogs.Backlog>> database;
    private BoundedProbe<Boolean> broker;

    @PostConstruct
    void prepare() {
        Duration timeout = config.healthTimeout();
        database = new BoundedProbe<>(() -> backlogs.waiting(timeout), timeout, FRESH, clock);
        broker = new BoundedProbe<>(() -> {
            messaging.probe();
            return true;
        }, timeout, FRESH, clock);
    }

    public BoundedProbe.Result<List<Backlogs.Backlog>> database() {
        return database.result(executor);
    }

    public BoundedProbe.Result<Boolean> broker() {
        return broker.result(executor);
    }
}
