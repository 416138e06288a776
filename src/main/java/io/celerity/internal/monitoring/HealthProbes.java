package io.celerity.internal.monitoring;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.store.Backlogs;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The probes behind the readiness checks, each bounded by {@code celerity.health.timeout} and its answer reused for a
 * second: the database answers the backlog query, the broker a browse. They run on threads of their own, started
 * with the application: a health endpoint's request thread belongs to the server, not to the application, and a
 * managed executor would run them in the server's context, where the application's resources are not.
 */
@ApplicationScoped
public class HealthProbes {

    private static final Duration FRESH = Duration.ofSeconds(1);


    @Resource
    ManagedThreadFactory threads;

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
    private volatile ThreadPoolExecutor executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // one thread per probe, since at most one of each runs; made now, in the application's context
        executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
        executor.prestartAllCoreThreads();
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

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
        return executor == null ? notStarted() : database.result(executor);
    }

    public BoundedProbe.Result<Boolean> broker() {
        return executor == null ? notStarted() : broker.result(executor);
    }

    private <T> BoundedProbe.Result<T> notStarted() {
        return new BoundedProbe.Result<>(null, "the application has not started yet", clock.instant());
    }
}
