package io.celerity.internal.schedule;

import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.Duties;
import io.celerity.internal.store.ScheduleRow;
import io.celerity.internal.store.ScheduleTable;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.time.PeriodicJobs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Celery beat without a leader: every node looks for due schedules every {@code celerity.schedule.poll-interval}
 * and fires each through {@link ScheduleRuns}, whose claim lets one node alone start a tick's run. It also runs the
 * retention duty, claimed once per {@code celerity.retention.interval} in the cluster.
 */
@ApplicationScoped
public class Ticker {

    private static final Logger LOG = Logger.getLogger(Ticker.class.getName());
    private static final int DUE_PER_POLL = 100;
    private static final int ROUNDS = 10;
    static final String RETENTION = "retention";

    @Inject
    PeriodicJobs periodic;

    @Inject
    ScheduleTable table;

    @Inject
    ScheduleRuns runs;

    @Inject
    ScheduleService schedules;

    @Inject
    Retention retention;

    @Inject
    Duties duties;

    @Inject
    TaskRegistry registry;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /** The tick of each schedule whose failure was last logged as a warning: once per tick, not once per poll. */
    private final Map<String, Long> failedTicks = new ConcurrentHashMap<>();
    private volatile boolean pollFailing;
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> cleaning;

    /**
     * Creates the tables and stores the declared schedules, checked against the task entity.
     *
     * @throws IllegalArgumentException for a declared schedule that does not fit the entity, failing the deployment
     */
    public void declare() {
        retried(table::prepare);
        retried(() -> duties.prepare(List.of(RETENTION)));
        List<ScheduleDefinition> declared = registry.declaredSchedules();
        for (ScheduleDefinition definition : declared) {
            retried(() -> schedules.declare(definition)); // another node may store the same one at the same moment
        }
        if (!declared.isEmpty()) {
            LOG.info(() -> ScheduleMessage.DECLARED.format(declared.size(),
                    declared.stream().map(ScheduleDefinition::name).toList()));
        }
    }

    /** Starts polling for due schedules, and the retention duty. */
    public synchronized void start() {
        if (polling != null) {
            return;
        }
        Duration poll = config.schedules().pollInterval();
        polling = periodic.withFixedDelay("schedule-poll", this::poll, poll, poll);
        Duration clean = config.retention().interval();
        cleaning = periodic.withFixedDelay(RETENTION, this::clean, clean, clean);
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
            cleaning.cancel(true); // a retention pass stops between batches
            polling = null;
        }
    }

    private static void retried(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            work.run();
        }
    }

    /**
     * Fires what is due, again while something is still due (a schedule whose next tick passed while its last one was
     * claimed), a few rounds at most: a node a little late catches up at once instead of falling further behind.
     */
    void poll() {
        for (int round = 0; round < ROUNDS; round++) {
            Instant seen = clock.instant();
            List<ScheduleRow> due;
            try {
                due = table.due(seen.toEpochMilli(), DUE_PER_POLL, registry.names());
            } catch (RuntimeException e) {
                if (!pollFailing) {
                    LOG.log(Level.WARNING, ScheduleMessage.POLL_FAILED.format(e), e);
                }
                pollFailing = true;
                return;
            }
            pollFailing = false;
            if (due.isEmpty()) {
                return;
            }
            due.forEach(row -> fire(row, seen));
        }
    }

    /**
     * Fires a due tick as seen at {@code seen} (whether it is missed is judged then, not after the ticks before it
     * in this poll). A run whose input is refused skips its tick; any other failure (the database, the broker, a
     * lock) leaves the tick due, to be tried again at the next poll and judged missed if it stays so.
     */
    private void fire(ScheduleRow row, Instant seen) {
        Instant due = Instant.ofEpochMilli(row.nextRunAt());
        try {
            runs.fire(row, seen);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, ScheduleMessage.RUN_FAILED.format(row.name(), due, e), e);
            try {
                runs.skip(row, seen);
            } catch (RuntimeException again) {
                LOG.log(Level.FINE, ScheduleMessage.STILL_DUE.format(row.name(), due, again), again);
            }
        } catch (RuntimeException e) {
            Long logged = failedTicks.put(row.name(), row.nextRunAt());
            LOG.log(row.nextRunAt().equals(logged) ? Level.FINE : Level.WARNING,
                    ScheduleMessage.STILL_DUE.format(row.name(), due, e), e);
        }
    }

    private void clean() {
        try {
            if (duties.claim(RETENTION, clock.instant(), config.retention().interval(), config.node())) {
                retention.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, ScheduleMessage.RETENTION_FAILED.format(e), e);
        }
    }
}
