package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.store.Duties;
import io.celerity.internal.store.NodeTable;
import io.celerity.internal.store.StatTable;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.time.PeriodicJobs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the periodic work of every node: the {@link Heartbeat} every third of a lease (100 ms at least), and the sweep
 * ({@link LostWorkers}, {@link Expiries}, {@link OverdueTasks}, in this order, then what is forgotten: lost nodes,
 * statistics older than {@code celerity.stats.keep}) every {@code celerity.sweeper.interval}.
 * Every node asks for the sweep at every interval; the one that claims it ({@link Duties}) sweeps, so the cluster
 * sweeps once per interval, however many nodes it has.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    private static final int BATCH = 200;
    static final String SWEEP = "sweep";
    /** How long a lost node stays listed. */
    private static final Duration FORGET_LOST_NODES = Duration.ofDays(1);

    @Inject
    PeriodicJobs periodic;

    @Inject
    Heartbeat heartbeat;

    @Inject
    LostWorkers lostWorkers;

    @Inject
    Expiries expiries;

    @Inject
    OverdueTasks overdueTasks;

    @Inject
    Duties duties;

    @Inject
    NodeTable nodes;

    @Inject
    NodeReport nodeReport;

    @Inject
    StatTable stats;

    @Inject
    StatsFlush statsFlush;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * When a periodic job's tick last started and ended (at {@link #start()}: the end of none yet), for the liveness
     * check.
     *
     * @param period  the pause between the end of one tick and the start of the next
     * @param started the start of the tick in progress, {@code null} between ticks
     */
    public record Tick(Duration period, Instant started, Instant ended) {
    }

    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    private final Map<String, Tick> lastTicks = new ConcurrentHashMap<>();
    /** Since when the store has answered without interruption (Instant.MAX while it fails). */
    private volatile Instant databaseBackSince;

    public synchronized void start() {
        if (!ticks.isEmpty()) {
            return;
        }
        databaseBackSince = clock.instant();
        try {
            duties.prepare(List.of(SWEEP));
        } catch (RuntimeException e) {
            duties.prepare(List.of(SWEEP)); // another node inserted the same row at the same moment
        }
        try {
            nodes.prepare();
        } catch (RuntimeException e) {
            nodes.prepare(); // another node created the table at the same moment
        }
        try {
            stats.prepare();
        } catch (RuntimeException e) {
            stats.prepare(); // another node created the table at the same moment
        }
        nodeReport.start();
        schedule("heartbeat", heartbeat::beat, Duration.ofMillis(Math.max(100, config.lease().toMillis() / 3)));
        schedule("sweep", this::sweep, config.sweepInterval());
    }

    private void schedule(String job, Runnable work, Duration period) {
        lastTicks.put(job, new Tick(period, null, clock.instant()));
        ticks.add(periodic.withFixedDelay(job, () -> guarded(job, work), period, period));
    }

    /** The periodic jobs of this node (heartbeat and sweep) and their last ticks; empty until the sweeper starts. */
    public Map<String, Tick> lastTicks() {
        return Map.copyOf(lastTicks);
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks.isEmpty()) {
            return;
        }
        heartbeat.stop();
        ticks.forEach(tick -> tick.cancel(false));
        ticks.clear();
        statsFlush.flush();
        try {
            nodes.remove(config.runner());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, WorkerMessage.NODE_ROW_KEPT.format(config.node(), e), e);
        }
    }

    private void guarded(String what, Runnable work) {
        lastTicks.computeIfPresent(what, (job, tick) -> new Tick(tick.period(), clock.instant(), tick.ended()));
        try {
            work.run();
        } catch (VirtualMachineError e) {
            throw e; // PeriodicJobs reports it as SEVERE: the node may need a restart
        } catch (RuntimeException | Error e) {
            // an Error too (a linkage error): until a job succeeds again, no node is judged lost by missed heartbeats
            databaseBackSince = Instant.MAX;
            LOG.log(Level.WARNING, WorkerMessage.SWEEP_FAILED.format(what, e), e);
            return;
        } finally {
            lastTicks.computeIfPresent(what, (job, tick) -> new Tick(tick.period(), null, clock.instant()));
        }
        if (databaseBackSince == Instant.MAX) {
            databaseBackSince = clock.instant();
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        if (!duties.claim(SWEEP, now, config.sweepInterval(), config.node())) {
            return;
        }
        Duration lease = config.lease();
        lostWorkers.sweep(now, lease, databaseBackSince, BATCH);
        expiries.expirePassed(now, BATCH);
        overdueTasks.resend(now, lease, BATCH);
        nodes.forget(now.minus(FORGET_LOST_NODES).toEpochMilli());
        stats.deleteBefore(now.minus(config.statsKeep()).toEpochMilli());
    }
}
