package io.celerity.internal.schedule;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.FinishedTasks;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Result expiry, Celery's {@code result_expires}: deletes the tasks that ended longer ago than their state's
 * retention ({@code celerity.retention.<state>}, or {@code celerity.task."<name>".retention.<state>} for one task),
 * in batches of {@code celerity.retention.batch-size}, each a short transaction of its own followed by a pause as
 * long, so that deleting a million rows never holds a lock for long or keeps the workers' writes waiting. Run by {@link Ticker}, once per
 * interval in the cluster.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    FinishedTasks finished;

    @Inject
    TaskRegistry registry;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /** Deletes what is no longer kept; returns how many tasks it deleted. */
    public long run() {
        long begin = System.nanoTime();
        CelerityConfig.Retention retention = config.retention();
        Instant now = clock.instant();
        long deleted = 0;
        for (String state : CelerityConfig.Retention.STATES) {
            String stored = state.toUpperCase(Locale.ROOT);
            Set<String> ownRule = new HashSet<>();
            for (TaskDefinition task : registry.all()) {
                Optional<Duration> keep = retention.keep(task.name(), state);
                if (keep.isPresent()) {
                    ownRule.add(task.name());
                    if (!keep.get().isZero()) {
                        deleted += drain(stored, now.minus(keep.get()), task.name(), Set.of());
                    }
                }
            }
            Optional<Duration> keep = retention.keep(state);
            if (keep.isPresent()) {
                deleted += drain(stored, now.minus(keep.get()), null, ownRule);
            }
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (deleted > 0) {
            long total = deleted;
            LOG.info(() -> ScheduleMessage.RETENTION_DELETED.format(total, millis));
        }
        return deleted;
    }

    /**
     * Deletes batch after batch, pausing after each as long as it took: retention takes at most half of the time of
     * the database and of this node, and the workers' own writes go between its batches.
     */
    private long drain(String state, Instant before, String task, Set<String> exceptTasks) {
        int batch = config.retention().batchSize();
        long deleted = 0;
        int last;
        do {
            long begin = System.nanoTime();
            last = finished.deleteBatch(state, before, task, exceptTasks, batch);
            deleted += last;
            if (last == batch && !pause(System.nanoTime() - begin)) {
                break;
            }
        } while (last == batch);
        return deleted;
    }

    /** @return false when interrupted (the node stops): retention goes on at its next interval */
    private static boolean pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
