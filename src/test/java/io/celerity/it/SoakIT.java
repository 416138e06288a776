package io.celerity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The soak: 50 000 tasks enqueued at a steady rate on two nodes while a node is killed (-9) and restarted every 30 s
 * (each in turn), the broker is killed and restarted once and PostgreSQL is restarted once. Not part of the test
 * suite: run it with server-config/cluster/soak.sh (README, "Soak"). Its last line:
 * {@code soak submitted=… terminal=… stuck=… lost=… duplicated=… by_kill=… by_db_restart=… unmatched=… kills=… …}.
 */
class SoakIT {

    private static final int TASKS = Integer.getInteger("celerity.soak.tasks", 50_000);
    private static final int PER_SECOND = Integer.getInteger("celerity.soak.rate", 150);
    private static final int BATCH = Math.max(1, PER_SECOND / 10);
    private static final long BATCH_EVERY_MILLIS = 100;
    private static final long KILL_EVERY_MILLIS = 30_000;
    /** How long after a body's end its node may have died for a second run to be that death's doing. */
    private static final long DUPLICATE_WINDOW_MILLIS = 15_000;
    private static final Duration DRAIN = Duration.ofMinutes(10);

    @Test
    void soak() throws Exception {
        assumeTrue(Boolean.getBoolean("celerity.soak") && Deployments.postgres(), "run with server-config/cluster/soak.sh");
        Cluster cluster = new Cluster("soak", "-Dcelerity.worker.lease=10s -Dcelerity.sweeper.interval=2s");
        cluster.start(2);
        AtomicBoolean enqueueing = new AtomicBoolean(true);
        List<long[]> kills = Collections.synchronizedList(new ArrayList<>()); // {node, ordered at, done at}
        long[] brokerBack = new long[1];
        long[] databaseDown = new long[2]; // {stop ordered, back} in epoch millis
        ExecutorService faults = Executors.newFixedThreadPool(2);
        try {
            faults.submit(() -> killNodesInTurn(cluster, enqueueing, kills));
            faults.submit(() -> {
                pause(120_000);
                fault(cluster, "kill-broker");
                pause(5_000);
                fault(cluster, "start-broker");
                brokerBack[0] = System.nanoTime();
                pause(90_000);
                databaseDown[0] = System.currentTimeMillis();
                database(cluster, "stop");
                pause(5_000);
                database(cluster, "start");
                databaseDown[1] = System.currentTimeMillis();
            });

            AtomicInteger submitted = new AtomicInteger();
            int failures = 0;
            int node = 1;
            long start = System.nanoTime();
            while (submitted.get() < TASKS) {
                sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(BATCH_EVERY_MILLIS) * (submitted.get() / BATCH + failures));
                try {
                    int n = Math.min(BATCH, TASKS - submitted.get());
                    submitted.addAndGet(cluster.enqueue(node, "soak-" + submitted.get(), n, 50, 0).size());
                } catch (IOException | RuntimeException e) {
                    failures++; // refused loudly (node, broker or database down): try again, on the other node
                    node = 3 - node;
                }
            }
            enqueueing.set(false);
            faults.shutdown();
            // the killer restarts each node it kills before it goes on, so both nodes are up once it has ended
            assertTrue(faults.awaitTermination(5, TimeUnit.MINUTES), "the faults ended");

            awaitTerminal(cluster, DRAIN);
            JsonObject summary = cluster.summary(1, "soak-");
            Map<String, Integer> states = Cluster.states(summary);
            int terminal = states.entrySet().stream().filter(e -> io.celerity.api.TaskState.isTerminal(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            int total = summary.getInt("total");
            Map<String, List<JsonObject>> duplicates = new LinkedHashMap<>();
            summary.getJsonArray("duplicateEnds").getValuesAs(JsonObject.class)
                    .forEach(end -> duplicates.computeIfAbsent(end.getString("key"), k -> new ArrayList<>()).add(end));
            List<String> byKill = duplicates.entrySet().stream()
                    .filter(entry -> causedByAKill(entry.getValue().get(0), kills)).map(Map.Entry::getKey).toList();
            List<String> byDatabase = duplicates.entrySet().stream().filter(entry -> !byKill.contains(entry.getKey()))
                    .filter(entry -> inDatabaseRestart(entry.getValue().get(0), databaseDown))
                    .map(Map.Entry::getKey).toList();
            List<String> unmatched = duplicates.keySet().stream()
                    .filter(key -> !byKill.contains(key) && !byDatabase.contains(key)).toList();
            String line = String.format(Locale.ROOT,
                    "soak submitted=%d terminal=%d stuck=%d lost=%d duplicated=%d by_kill=%d by_db_restart=%d "
                            + "unmatched=%d kills=%d broker_restarts=1 db_restarts=1 enqueue_refusals=%d",
                    submitted.get(), terminal, total - terminal, Math.max(0, submitted.get() - total),
                    summary.getInt("duplicated"), byKill.size(), byDatabase.size(), unmatched.size(), kills.size(),
                    failures);
            String details = "soak states " + states + " duplicates " + duplicates + " kills " + kills.stream()
                    .map(kill -> "node-" + kill[0] + "@" + kill[1] + ".." + kill[2]).toList();
            System.out.println(details);
            System.out.println(line);
            Files.writeString(cluster.dir().resolve("soak-result.txt"), details + "\n" + line + "\n");
            assertEquals(submitted.get(), total, "every acknowledged task has a row, and no other task does");
            assertEquals(total, terminal, "stuck tasks");
            // one kill may cost more than one second run: the outcomes of all bodies that had just ended on that node
            assertTrue(unmatched.isEmpty(),
                    "a body runs to its end twice only when its node died, or the database went away, before its "
                            + "outcome was committed: " + unmatched);
        } finally {
            enqueueing.set(false);
            faults.shutdownNow();
            database(cluster, "start");
            cluster.run("stop");
        }
    }

    /**
     * Kills node 2, then node 1, and so on, each restarted at once; the next kill comes 30 s after the last one was
     * due, or as soon as the node restarted if its boot took longer.
     */
    private static void killNodesInTurn(Cluster cluster, AtomicBoolean enqueueing, List<long[]> kills) {
        int victim = 2;
        long next = System.currentTimeMillis() + KILL_EVERY_MILLIS;
        while (enqueueing.get()) {
            pause(Math.max(0, next - System.currentTimeMillis()));
            if (!enqueueing.get()) {
                return;
            }
            long ordered = System.currentTimeMillis();
            fault(cluster, "signal-node", String.valueOf(victim), "KILL");
            kills.add(new long[] {victim, ordered, System.currentTimeMillis()}); // the kill landed in between
            fault(cluster, "start-node", String.valueOf(victim));
            victim = 3 - victim;
            next += KILL_EVERY_MILLIS;
        }
    }

    /**
     * Whether the node that ran a body to its first end was killed soon after: its outcome was never committed. A kill
     * lands between the moment it was ordered and the moment its command returned.
     */
    private static boolean causedByAKill(JsonObject firstEnd, List<long[]> kills) {
        int node = Integer.parseInt(firstEnd.getString("node").substring("node-".length()));
        long at = firstEnd.getJsonNumber("at").longValue();
        synchronized (kills) {
            return kills.stream().anyMatch(kill -> kill[0] == node && kill[2] >= at
                    && kill[1] - at <= DUPLICATE_WINDOW_MILLIS);
        }
    }

    /**
     * Whether a body's first end came while PostgreSQL was restarting, or in the seconds after, while connections the
     * restart broke were still handed out: its outcome could not be committed, and its message came back.
     */
    private static boolean inDatabaseRestart(JsonObject firstEnd, long[] databaseDown) {
        long at = firstEnd.getJsonNumber("at").longValue();
        return databaseDown[1] > 0 && at >= databaseDown[0] && at <= databaseDown[1] + DUPLICATE_WINDOW_MILLIS;
    }

    /** Waits until every soak task is terminal (node 1 or the database may be restarting: then it asks again). */
    private static void awaitTerminal(Cluster cluster, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Integer> states = Cluster.states(cluster.summary(1, "soak-"));
                if (states.keySet().stream().allMatch(io.celerity.api.TaskState::isTerminal)) {
                    return;
                }
            } catch (AssertionError e) {
                // ask again
            }
            pause(1_000);
        }
    }

    private static void fault(Cluster cluster, String... command) {
        try {
            cluster.run(command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void database(Cluster cluster, String action) {
        try {
            cluster.database(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            pause(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
