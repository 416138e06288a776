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
 * The probes behind the readiness checks and the metrics' gauges, each bounded by {@code celerity.health.timeout}:
 * the database answers a look-up by primary key and the broker a browse (reused for a second), the backlog query
 * answers what waits on each queue (heavier, reused for ten seconds). The database and broker probes start together,
 * so a readiness request waits about one timeout, not one per probe. They run on threads of their own, started with
 * the application: a health endpoint's request thread belongs to the server, not to the application, and a managed
 * executor would run them in the server's context, where the application's resources are not.
 */
@ApplicationScoped
public class HealthProbes {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Duration BACKLOG_FRESH = Duration.ofSeconds(10);

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

    private BoundedProbe<Boolean> database;
    private BoundedProbe<Boolean> broker;
    private BoundedProbe<List<Backlogs.Backlog>> backlog;
    private volatile ThreadPoolExecutor executor;

    @PostConstruct
    void prepare() {
        Duration timeout = config.healthTimeout();
        database = new BoundedProbe<>("database", () -> {
            backlogs.ping(timeout);
            return true;
        }, timeout, FRESH, clock);
        broker = new BoundedProbe<>("broker", () -> {
            messaging.probe();
            return true;
        }, timeout, FRESH, clock);
        backlog = new BoundedProbe<>("database's backlog query", () -> backlogs.waiting(timeout), timeout,
                BACKLOG_FRESH, clock);
    }

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (executor == null) {
            // one thread per probe, since at most one of each runs; made now, in the application's context
            executor = new ThreadPoolExecutor(3, 3, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
            executor.prestartAllCoreThreads();
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public BoundedProbe.Result<Boolean> database() {
        if (executor == null) {
            return notStarted();
        }
        broker.start(executor);
        return database.result(executor);
    }

    public BoundedProbe.Result<Boolean> broker() {
        if (executor == null) {
            return notStarted();
        }
        database.start(executor);
        return broker.result(executor);
    }

    /** What waits on each queue, by task; at most ten seconds old. */
    public BoundedProbe.Result<List<Backlogs.Backlog>> backlog() {
        return executor == null ? notStarted() : backlog.result(executor);
    }

    private <T> BoundedProbe.Result<T> notStarted() {
        return new BoundedProbe.Result<>(null, "not started", clock.instant());
    }
}
