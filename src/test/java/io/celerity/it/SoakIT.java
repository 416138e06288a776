package io.celerity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The soak: 10 000 tasks enqueued at a steady rate on two nodes while one node, then the broker, is killed (-9) and
 * restarted. Not part of the test suite: run it with server-config/cluster/soak.sh (README, "Soak"). Its last line:
 * {@code soak submitted=… terminal=… duplicated=… stuck=… recover_s=…}.
 */
class SoakIT {

    private static final int TASKS = Integer.getInteger("celerity.soak.tasks", 10_000);
    private static final int BATCH = 10;
    private static final long BATCH_EVERY_MILLIS = 100;
    private static final Duration DRAIN = Duration.ofMinutes(5);

    @Test
    void soak() throws Exception {
        assumeTrue(Boolean.getBoolean("celerity.soak") && Deployments.postgres(), "run with server-config/cluster/soak.sh");
        Cluster cluster = new Cluster("soak", "-Dcelerity.worker.lease=10s -Dcelerity.sweeper.interval=2s");
        cluster.start(2);
        ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger submitted = new AtomicInteger();
            long[] brokerBack = new long[1];
            String[] phase = {"soak-a"};
            long start = System.nanoTime();
            faults.schedule(() -> fault(cluster, "signal-node", "2", "KILL"), 20, TimeUnit.SECONDS);
            faults.schedule(() -> fault(cluster, "start-node", "2"), 25, TimeUnit.SECONDS);
            faults.schedule(() -> {
                fault(cluster, "kill-broker");
                sleep(5_000);
                phase[0] = "soak-b";
                fault(cluster, "start-broker");
                brokerBack[0] = System.nanoTime();
            }, 75, TimeUnit.SECONDS);

            int node = 1;
            int failures = 0;
            while (submitted.get() < TASKS) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(BATCH_EVERY_MILLIS) * (submitted.get() / BATCH + failures);
                sleepUntil(due);
                String prefix = phase[0];
                try {
                    int n = Math.min(BATCH, TASKS - submitted.get());
                    List<String> ids = cluster.enqueue(node, prefix + "-" + submitted.get(), n, 50, 0);
                    submitted.addAndGet(ids.size());
                } catch (IOException | RuntimeException e) {
                    failures++; // refused loudly (node or broker down): try again, on the other node
                    node = 3 - node;
                }
            }
            faults.shutdown();
            faults.awaitTermination(5, TimeUnit.MINUTES);

            long recovered = awaitTerminal(cluster, "soak-a", DRAIN);
            double recoverSeconds = brokerBack[0] == 0 ? -1 : (recovered - brokerBack[0]) / 1e9;
            awaitTerminal(cluster, "soak-", DRAIN);
            JsonObject summary = cluster.summary(1, "soak-");
            Map<String, Integer> states = Cluster.states(summary);
            int terminal = states.entrySet().stream().filter(e -> io.celerity.api.TaskState.isTerminal(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            int total = summary.getInt("total");
            String line = String.format(java.util.Locale.ROOT,
                    "soak submitted=%d terminal=%d duplicated=%d stuck=%d recover_s=%.1f",
                    submitted.get(), terminal, summary.getInt("duplicated"), total - terminal, recoverSeconds);
            System.out.println("soak states " + states + " enqueue_failures=" + failures);
            System.out.println(line);
            Files.writeString(cluster.dir().resolve("soak-result.txt"), "soak states " + states
                    + " enqueue_failures=" + failures + "\n" + line + "\n");
            assertEquals(submitted.get(), total, "every acknowledged task has a row, and no other task does");
            assertEquals(total, terminal, "stuck tasks");
        } finally {
            faults.shutdownNow();
            cluster.run("stop");
        }
    }

    /** Waits until every task whose key starts with the prefix is terminal; returns when, as System.nanoTime(). */
    private static long awaitTerminal(Cluster cluster, String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Integer> states = Cluster.states(cluster.summary(1, prefix));
                if (states.keySet().stream().allMatch(io.celerity.api.TaskState::isTerminal)) {
                    return System.nanoTime();
                }
            } catch (AssertionError e) {
                // node 1 restarting: ask again
            }
            sleep(500);
        }
        return System.nanoTime();
    }

    private static void fault(Cluster cluster, String... command) {
        try {
            cluster.run(command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
