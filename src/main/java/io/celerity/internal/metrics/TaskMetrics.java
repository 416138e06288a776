package io.celerity.internal.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What this node did, counted since it started: the states its tasks entered, how long they waited once due and ran,
 * what it dead-lettered and how many changes its group commits wrote together. Each recording costs a map look-up and
 * an addition; the monitoring package's scrape writes them out with the gauges read at scrape time. States and run
 * times are also counted per minute ({@link TaskMinutes}), for the statistics every heartbeat writes.
 */
@ApplicationScoped
public class TaskMetrics {

    private static final double[] GROUP_SIZES = {1, 2, 4, 8, 16, 32, 64};

    private final ConcurrentMap<List<String>, LongAdder> states = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Histogram> waits = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Histogram> runs = new ConcurrentHashMap<>();
    @Inject
    TaskMinutes minutes;

    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder eventMessages = new LongAdder();
    private final Histogram groupCommits = new Histogram(GROUP_SIZES);

    /** A task of this name entered this state in a transaction of this node that committed. */
    public void entered(String task, String state) {
        states.computeIfAbsent(List.of(task, state), key -> new LongAdder()).increment();
        minutes.entered(task, state);
    }

    /** A run started this long after its task was due. */
    public void started(String task, Duration waited) {
        waits.computeIfAbsent(List.of(task), key -> new Histogram(TimeDistribution.SECONDS)).observe(seconds(waited));
    }

    /** A run ended with this outcome (a state) after this long. */
    public void ran(String task, String outcome, Duration took) {
        runs.computeIfAbsent(List.of(task, outcome), key -> new Histogram(TimeDistribution.SECONDS)).observe(seconds(took));
        minutes.ran(task, took);
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    /** A message of task events went to the events topic, for the other nodes. */
    public void eventMessageSent() {
        eventMessages.increment();
    }

    public void groupCommitted(int changes) {
        groupCommits.observe(changes);
    }

    /** Writes the counters and histograms, each family in a stable order. */
    public void writeTo(PrometheusText text) {
        text.counter("celerity_task_states_total",
                        "Tasks that entered each state in transactions of this node, by task name", List.of("task", "state"),
                        sorted(states, LongAdder::sum))
                .histogram("celerity_task_wait_seconds",
                        "Time from when a task was due until a worker of this node started it", List.of("task"),
                        sorted(waits, histogram -> histogram))
                .histogram("celerity_task_run_seconds",
                        "Run time of the task runs this node ended, by task name and outcome", List.of("task", "outcome"),
                        sorted(runs, histogram -> histogram))
                .counter("celerity_dead_lettered_total",
                        "Messages this node filed in the dead-letter queue with their reason", List.of(),
                        Map.of(List.of(), deadLettered.sum()))
                .counter("celerity_event_messages_sent_total",
                        "Messages of task events this node sent to the events topic for other nodes", List.of(),
                        Map.of(List.of(), eventMessages.sum()))
                .histogram("celerity_group_commit_changes",
                        "Run state changes written together in one transaction of this node", List.of(),
                        Map.of(List.of(), groupCommits));
    }

    private static <V, R> Map<List<String>, R> sorted(Map<List<String>, V> values,
                                                      Function<V, R> read) {
        Map<List<String>, R> sorted = new TreeMap<>(PrometheusText.LABEL_ORDER);
        values.forEach((labels, value) -> sorted.put(labels, read.apply(value)));
        return sorted;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
