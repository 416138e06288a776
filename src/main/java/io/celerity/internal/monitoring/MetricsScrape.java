package io.celerity.internal.monitoring;

import io.celerity.internal.dispatch.Outbox;
import io.celerity.internal.execution.WorkerActivity;
import io.celerity.internal.metrics.PrometheusText;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.Backlogs;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape: {@link TaskMetrics}' counters and histograms, then the gauges read now: the waiting tasks per queue
 * (the database's answer to the readiness probe, at most a second old), whether database and broker answer, what
 * this node's workers run, and its outbox.
 */
@ApplicationScoped
public class MetricsScrape {

    @Inject
    TaskMetrics metrics;

    @Inject
    HealthProbes probes;

    @Inject
    WorkerActivity activity;

    @Inject
    TaskRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    @CelerityClock
    Clock clock;

    /** The Prometheus media type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

    public String scrape() {
        PrometheusText text = new PrometheusText();
        metrics.writeTo(text);
        Instant now = clock.instant();
        BoundedProbe.Result<List<Backlogs.Backlog>> backlogs = probes.backlog();
        Map<List<String>, Long> waiting = new TreeMap<>(PrometheusText.LABEL_ORDER);
        Map<List<String>, Double> oldest = new TreeMap<>(PrometheusText.LABEL_ORDER);
        if (backlogs.up()) {
            for (Backlogs.Backlog backlog : backlogs.value()) {
                List<String> queue = List.of(backlog.queue());
                waiting.merge(queue, backlog.waiting(), Long::sum);
                Duration due = Duration.between(backlog.oldestDue(), now);
                oldest.merge(queue, due.isNegative() ? 0.0 : due.toMillis() / 1000.0, Math::max);
            }
        }
        Map<List<String>, Integer> busy = new TreeMap<>(PrometheusText.LABEL_ORDER);
        registry.workerQueues().forEach(queue -> busy.put(List.of(queue), activity.lane(queue).busy()));
        return text.gauge("celerity_queue_waiting",
                        "Tasks waiting per queue (queued, scheduled or to be retried), as the database had them at "
                                + "most ten seconds ago",
                        List.of("queue"), waiting)
                .gauge("celerity_queue_oldest_due_seconds",
                        "How long the waiting task of each queue that was due first has been due (0: none is due yet)",
                        List.of("queue"), oldest)
                .gauge("celerity_database_up", "1 when the task table answered within celerity.health.timeout",
                        List.of(), Map.of(List.of(), probes.database().up() ? 1 : 0))
                .gauge("celerity_broker_up", "1 when the broker answered within celerity.health.timeout", List.of(),
                        Map.of(List.of(), probes.broker().up() ? 1 : 0))
                .gauge("celerity_workers_busy", "Deliveries this node's workers handle now, per queue",
                        List.of("queue"), busy)
                .gauge("celerity_outbox_pending", "Task messages this node committed and has not yet sent",
                        List.of(), Map.of(List.of(), outbox.pendingCount()))
                .toString();
    }
}
