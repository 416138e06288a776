package io.celerity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Payara Micro nodes on one standalone Artemis broker and one PostgreSQL database, started with
 * server-config/cluster/cluster.sh, driven over HTTP: work spreads, and nodes and the broker die. Runs in the
 * PostgreSQL pass of the build. Leases are 6 s here so that the outcomes come in seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration STALL_WAIT = Duration.ofSeconds(240);
    private static final Cluster CLUSTER = new Cluster("cluster",
            "-Dcelerity.worker.lease=6s -Dcelerity.sweeper.interval=1s -Dcelerity.worker.shutdown-grace=5s "
                    + "-Dcelerity.schedule.poll-interval=200ms");

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(Deployments.postgres(), "the cluster runs on PostgreSQL");
        CLUSTER.start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (Deployments.postgres()) {
            CLUSTER.run("stop");
        }
    }

    @Test
    @Order(1)
    void workSpreadsOverBothNodes() throws Exception {
        CLUSTER.enqueue(1, "spread", 16, 1000, 0);

        JsonObject summary = awaitSucceeded(2, "spread", 16);
        JsonObject byNode = summary.getJsonObject("startsByNode");
        assertTrue(byNode.getInt("node-1", 0) >= 3 && byNode.getInt("node-2", 0) >= 3, "starts by node " + byNode);
        assertEquals(0, summary.getInt("duplicated"));
    }

    @Test
    @Order(2)
    void whenTheNodeRunningATaskIsKilled_anotherRunsItAgain_andItEndsOnce() throws Exception {
        String id = CLUSTER.enqueue(1, "killed", 1, 20_000, 0).get(0);
        JsonObject started = awaitTask(1, id, "STARTED");
        int victim = node(started.getString("node"));
        int survivor = 3 - victim;

        CLUSTER.run("signal-node", String.valueOf(victim), "KILL");

        JsonObject done = awaitTask(survivor, id, "SUCCESS");
        assertEquals(2, done.getInt("attempt"), "run again after the lost worker");
        assertTrue(done.getString("runner").startsWith("node-" + survivor + "/"), done.toString());
        JsonObject summary = CLUSTER.summary(survivor, "killed");
        assertEquals(1, summary.getInt("ended"), "only the second run reached its end");
        assertEquals(Map.of("SUCCESS", 1), Cluster.states(summary));

        CLUSTER.run("start-node", String.valueOf(victim));
    }

    @Test
    @Order(3)
    void aStalledNodeThatWakesUp_cannotOverwriteWhatAnotherNodeWrote() throws Exception {
        String id = CLUSTER.enqueue(1, "stalled", 1, 8_000, 0).get(0);
        JsonObject started = awaitTask(1, id, "STARTED");
        int stalled = node(started.getString("node"));
        int other = 3 - stalled;

        CLUSTER.run("signal-node", String.valueOf(stalled), "STOP");
        JsonObject done;
        try {
            // the run again may first be handed to the stalled node's consumer: the broker takes it back only when
            // it drops that connection (Artemis's connection TTL, 60 s), so allow TTL + lease + run on a busy machine
            done = awaitTask(other, id, "SUCCESS", STALL_WAIT);
        } finally {
            CLUSTER.run("signal-node", String.valueOf(stalled), "CONT");
        }
        assertTrue(done.getString("runner").startsWith("node-" + other + "/"), done.toString());

        await("the woken node's end is refused", WAIT, () -> CLUSTER.log(stalled).contains("CELERITY-0211: task " + id));
        JsonObject after = CLUSTER.get(other, "task/" + id);
        assertEquals("SUCCESS", after.getString("state"));
        assertEquals(done.getInt("version"), after.getInt("version"), "nothing was written after the other node ended it");
        assertEquals(2, CLUSTER.summary(other, "stalled").getInt("ended"), "both bodies ran to their end");
    }

    @Test
    @Order(4)
    void tasksQueuedWhenTheBrokerDies_allRunOnce_afterItsRestart_andSoDoesOneEnqueuedMeanwhile() throws Exception {
        CLUSTER.enqueue(1, "broker", 30, 0, 15_000);

        CLUSTER.run("kill-broker");
        await("node-1 is not ready: its broker is down", WAIT,
                () -> "DOWN".equals(Cluster.status(CLUSTER.health(1, "ready"), "celerity-broker")));
        assertEquals("UP", Cluster.status(CLUSTER.health(1, "ready"), "celerity-database"));
        assertEquals("UP", CLUSTER.health(1, "live").getString("status"), "not ready, but alive");
        assertEquals(200, CLUSTER.enqueueStatus(2, "outage"), "the outbox takes tasks while the broker is down");
        CLUSTER.run("start-broker");
        await("node-1 is ready again", WAIT, () -> "UP".equals(CLUSTER.health(1, "ready").getString("status")));

        JsonObject summary = awaitSucceeded(1, "broker", 30);
        assertEquals(30, summary.getInt("ended"));
        assertEquals(0, summary.getInt("duplicated"));
        JsonObject outage = awaitSucceeded(2, "outage", 1);
        assertEquals(1, outage.getInt("ended"), "the task enqueued during the outage ran once");
        assertEquals(0, outage.getInt("duplicated"));
    }

    @Test
    @Order(5)
    void aStoppingNode_letsShortTasksFinish_andHandsBackTheLongOne() throws Exception {
        List<String> quick = CLUSTER.enqueue(1, "graceful-quick", 6, 2_000, 0);
        String slow = CLUSTER.enqueue(1, "graceful-slow", 1, 60_000, 0).get(0);
        JsonObject started = awaitTask(1, slow, "STARTED");
        int stopped = node(started.getString("node"));
        int other = 3 - stopped;

        long before = System.nanoTime();
        CLUSTER.run("stop-node", String.valueOf(stopped));
        long stopSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before);

        assertTrue(stopSeconds < 40, "the node took " + stopSeconds + " s to stop (grace 5 s, Payara's 15 s)");
        JsonObject done = awaitTask(other, slow, "SUCCESS");
        assertTrue(done.getString("runner").startsWith("node-" + other + "/"), done.toString());
        assertEquals("CELERITY-0225: handed back when node node-" + stopped + " stopped", done.getString("errorMessage"),
                "the long task was handed back, not lost");
        assertEquals(2, done.getInt("attempt"));
        JsonObject summary = awaitSucceeded(other, "graceful-quick", quick.size());
        assertEquals(0, summary.getInt("duplicated"), "short tasks ran to their end once");

        CLUSTER.run("start-node", String.valueOf(stopped));
    }

    @Test
    @Order(6)
    void aOneSecondSchedule_runsEveryTickOnce_onTwoNodes_whileOneIsKilledAndRestarted() throws Exception {
        long begin = System.nanoTime();
        long first = CLUSTER.post(1, "schedule?name=pulse&everyMillis=1000").getJsonNumber("nextRunAt").longValue();
        Thread.sleep(20_000); // the timeline of the test: both nodes claim ticks for 20 s
        CLUSTER.run("signal-node", "2", "KILL");
        CLUSTER.run("start-node", "2");
        long left = 60_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        if (left > 0) {
            Thread.sleep(left); // node 2 is back: both claim again until 60 s have passed
        }
        JsonObject stopped = CLUSTER.post(1, "schedule/pulse/disable");

        long runs = stopped.getJsonNumber("runCount").longValue();
        long last = stopped.getJsonNumber("lastRunAt").longValue();
        assertEquals((last - first) / 1000 + 1, runs, "each tick from the first to the last ran once: " + stopped);
        assertTrue(Math.abs(runs - 60) <= 1, runs + " runs in 60 s");
        JsonObject[] schedule = new JsonObject[1];
        await("every run succeeds", WAIT, () -> {
            schedule[0] = CLUSTER.get(1, "schedule/pulse");
            return Map.of("SUCCESS", (int) runs).equals(Cluster.states(schedule[0]));
        });
        assertEquals(runs, schedule[0].getJsonNumber("runCount").longValue(), "no run after it was disabled");
    }

    @Test
    @Order(7)
    void aChordsBody_runsOnce_whenItsMembersEndOnBothNodes_andWhenTheNodeThatEndedTheLastDiesAtItsCommit()
            throws Exception {
        JsonObject wide = CLUSTER.post(1, "chord?prefix=chord-wide&n=60&lastMillis=0&halt=false");
        JsonObject summary = awaitSucceeded(2, "chord-wide", 62);
        assertEquals(0, summary.getInt("duplicated"), "every task, the body included, ran to its end once");
        assertEquals(62, summary.getInt("ended"));
        JsonObject byNode = summary.getJsonObject("startsByNode");
        assertTrue(byNode.getInt("node-1", 0) > 0 && byNode.getInt("node-2", 0) > 0, "members ran on both " + byNode);
        JsonObject body = CLUSTER.get(2, "task/" + wide.getString("sum"));
        assertEquals(1, body.getInt("attempt"));

        JsonObject halted = CLUSTER.post(1, "chord?prefix=chord-halt&n=10&lastMillis=3000&halt=true");
        int victim = node(awaitTask(1, halted.getString("last"), "STARTED").getString("node"));
        int survivor = 3 - victim;
        JsonObject done = awaitTask(survivor, halted.getString("sum"), "SUCCESS");
        JsonObject last = CLUSTER.get(survivor, "task/" + halted.getString("last"));
        assertEquals("SUCCESS", last.getString("state"));
        assertEquals(1, last.getInt("attempt"), "the last member's end was committed before its node died");
        assertEquals("node-" + victim, last.getString("node"));
        JsonObject haltSummary = awaitSucceeded(survivor, "chord-halt", 12);
        assertEquals(12, haltSummary.getInt("ended"));
        assertEquals(0, haltSummary.getInt("duplicated"), "the body ran to its end once: " + done);

        CLUSTER.run("start-node", String.valueOf(victim));
    }

    @Test
    @Order(8)
    void aTerminateAndAnAbort_askedOnOneNode_reachTheBodyOnTheOther_overTheControlTopic() throws Exception {
        String terminated = CLUSTER.enqueue(1, "terminate", 1, 60_000, 0).get(0);
        int runner = node(awaitTask(1, terminated, "STARTED").getString("node"));
        long asked = CLUSTER.post(3 - runner, "task/" + terminated + "/revoke?terminate=true").getJsonNumber("at")
                .longValue();
        awaitTask(runner, terminated, "REVOKED");
        long interrupted = awaitPhase(runner, "terminate", "interrupt");

        String aborted = CLUSTER.post(1, "enqueue-abortable?prefix=abort&millis=60000").getString("id");
        runner = node(awaitTask(1, aborted, "STARTED").getString("node"));
        long abortAsked = CLUSTER.post(3 - runner, "task/" + aborted + "/abort").getJsonNumber("at").longValue();
        awaitTask(runner, aborted, "ABORTED");
        long abortSeen = awaitPhase(runner, "abort", "abort");

        // heartbeats (every 2 s here) would reach the body too, but later: the topic takes milliseconds
        assertTrue(interrupted - asked < 1000 && abortSeen - abortAsked < 1000,
                "terminate took " + (interrupted - asked) + " ms, abort " + (abortSeen - abortAsked) + " ms");
        assertEquals(0, CLUSTER.summary(runner, "terminate").getInt("ended"), "the terminated body never ended");
    }

    @Test
    @Order(9)
    void aTerminateAndAnAbort_askedWhileTheRunningNodeIsDead_areHonouredAfterItsRestart() throws Exception {
        String terminated = CLUSTER.enqueue(1, "dead-terminate", 1, 60_000, 0).get(0);
        int victim = node(awaitTask(1, terminated, "STARTED").getString("node"));
        CLUSTER.run("signal-node", String.valueOf(victim), "KILL");
        CLUSTER.post(3 - victim, "task/" + terminated + "/revoke?terminate=true");
        CLUSTER.run("start-node", String.valueOf(victim));

        String aborted = CLUSTER.post(1, "enqueue-abortable?prefix=dead-abort&millis=60000").getString("id");
        int abortVictim = node(awaitTask(1, aborted, "STARTED").getString("node"));
        CLUSTER.run("signal-node", String.valueOf(abortVictim), "KILL");
        CLUSTER.post(3 - abortVictim, "task/" + aborted + "/abort");
        CLUSTER.run("start-node", String.valueOf(abortVictim));

        // the abort was recorded: the run after the lost worker sees it at its start and ends ABORTED
        JsonObject abortEnd = awaitTask(1, aborted, "ABORTED");
        assertEquals(2, abortEnd.getInt("attempt"), "run again after its worker was lost, and aborted");
        awaitPhase(1, "dead-abort", "abort");
        // the revoked task never runs again, whichever node gets its message back
        JsonObject revoked = CLUSTER.get(1, "task/" + terminated);
        assertEquals("REVOKED", revoked.getString("state"));
        JsonObject summary = CLUSTER.summary(1, "dead-terminate");
        assertEquals(1, summary.getJsonObject("phases").getJsonObject("start").getInt("count"), "started once only");
        assertEquals(0, summary.getInt("ended"));
    }

    @Test
    @Order(10)
    void aDatabaseOutageUnderLoad_defersTheWork_andEveryTaskEndsOnce() throws Exception {
        CLUSTER.enqueue(1, "db-outage", 40, 400, 0);
        await("work has started on both nodes", WAIT, () -> {
            JsonObject byNode = CLUSTER.summary(1, "db-outage").getJsonObject("startsByNode");
            return byNode.getInt("node-1", 0) > 0 && byNode.getInt("node-2", 0) > 0;
        });

        CLUSTER.database("stop");
        long stopped = System.nanoTime();
        try {
            await("node-2 is not ready: its database is down", WAIT,
                    () -> "DOWN".equals(Cluster.status(CLUSTER.health(2, "ready"), "celerity-database")));
            assertEquals("UP", CLUSTER.health(2, "live").getString("status"), "restarting would not bring it back");
            // the outage lasts longer than the 6 s lease
            Thread.sleep(Math.max(0, 10_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)));
        } finally {
            CLUSTER.database("start");
        }
        await("node-2 is ready again", WAIT, () -> "UP".equals(CLUSTER.health(2, "ready").getString("status")));

        JsonObject summary = awaitSucceeded(1, "db-outage", 40);
        assertEquals(40, summary.getInt("total"), "nothing lost, nothing made twice");
        assertTrue(summary.getInt("ended") >= 40, summary.toString());
        System.out.println("db-outage: " + summary);
    }

    /** Waits until a task of the prefix recorded the phase; returns when (the node's clock). */
    private static long awaitPhase(int node, String prefix, String phase) {
        long[] at = new long[1];
        await(prefix + " records " + phase, WAIT, () -> {
            JsonObject phases = CLUSTER.summary(node, prefix).getJsonObject("phases");
            if (!phases.containsKey(phase)) {
                return false;
            }
            at[0] = phases.getJsonObject(phase).getJsonNumber("lastAt").longValue();
            return true;
        });
        return at[0];
    }

    private static JsonObject awaitSucceeded(int node, String prefix, int n) {
        JsonObject[] last = new JsonObject[1];
        await(n + " tasks of " + prefix + " succeed", WAIT, () -> {
            last[0] = CLUSTER.summary(node, prefix);
            return Map.of("SUCCESS", n).equals(Cluster.states(last[0]));
        });
        return last[0];
    }

    private static JsonObject awaitTask(int node, String id, String state) {
        return awaitTask(node, id, state, WAIT);
    }

    private static JsonObject awaitTask(int node, String id, String state, Duration wait) {
        JsonObject[] last = new JsonObject[1];
        await("task " + id + " is " + state, wait, () -> {
            last[0] = CLUSTER.get(node, "task/" + id);
            return state.equals(last[0].getString("state"));
        });
        return last[0];
    }

    private static int node(String name) {
        return Integer.parseInt(name.substring("node-".length()));
    }
}
