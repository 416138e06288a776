package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.metrics.MinuteStat;
import io.celerity.internal.metrics.TaskMinutes;
import io.celerity.internal.store.StatTable;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes this node's task statistics ({@link TaskMinutes}) into {@code celerity_stat}, in one transaction: at every
 * heartbeat, when the node stops, and before the statistics are read. What could not be written is kept for the next
 * time, unless it is older than {@code celerity.stats.keep}; a failure is logged once until a write succeeds again.
 */
@ApplicationScoped
public class StatsFlush {

    private static final Logger LOG = Logger.getLogger(StatsFlush.class.getName());

    @Inject
    TaskMinutes minutes;

    @Inject
    StatTable table;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    private boolean failed;

    /** Writes what this node counted since the last write; never throws. */
    public synchronized void flush() {
        List<MinuteStat> taken = minutes.take();
        long keptFrom = clock.millis() - config.statsKeep().toMillis();
        List<MinuteStat> kept = taken.stream().filter(stat -> stat.minuteAt() >= keptFrom).toList();
        long dropped = taken.stream().filter(stat -> stat.minuteAt() < keptFrom).map(MinuteStat::minuteAt).distinct()
                .count();
        if (dropped > 0) {
            LOG.warning(WorkerMessage.STATS_DROPPED.format(dropped, config.statsKeep()));
        }
        if (kept.isEmpty()) {
            return;
        }
        try {
            table.add(config.runner(), kept);
            failed = false;
        } catch (RuntimeException e) {
            minutes.putBack(kept);
            if (!failed) {
                LOG.log(Level.WARNING, WorkerMessage.STATS_NOT_WRITTEN.format(e), e);
            }
            failed = true;
        }
    }
}
