package io.celerity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two WildFly nodes prepared by production.cli on one standalone Artemis broker and one PostgreSQL database: work
 * spreads over both, a suspended node ends the task it runs and keeps its heartbeat, and a
 * node killed with {@code kill -9} while running a task leaves nothing stuck.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final WildFlyCluster CLUSTER = new WildFlyCluster("wildfly-cluster",
            "-Dcelerity.worker.lease=6s -Dcelerity.sweeper.interval=1s");

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(Deployments.serverDataSource(), "the nodes are WildFly prepared by production.cli");
        CLUSTER.start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void workSpreadsOverBothNodes() throws Exception {
        CLUSTER.enqueue(1, "spread", 20, 300, 0);
        JsonObject summary = awaitSucceeded(2, "spread", 20);
        assertEquals(0, summary.getInt("duplicated"));
        JsonObject starts = summary.getJsonObject("startsByNode");
        assertTrue(starts.containsKey("node-1") && starts.containsKey("node-2"), "both nodes ran tasks: " + starts);
    }

    /**
     * WildFly suspends before it stops, and an administrator may suspend for longer. The server's managed scheduled
     * executor refuses every periodic run meanwhile, each with an ERROR and a stack trace (WFLYEE0110): the node's
     * heartbeat would stop, and other nodes would count it lost although it is only paused.
     */
    @Test
    @Order(2)
    void aSuspendedNodeEndsItsTask_keepsItsHeartbeat_andLogsNoError() throws Exception {
        Started started = startedTask("suspended", 3_000);
        String id = started.id();
        int runner = started.node();
        int other = 3 - runner;
        JsonObject[] task = new JsonObject[1];
        long logStart = CLUSTER.logSize(runner);

        CLUSTER.manage(runner, ":suspend");
        try {
            await("the task ends", WAIT, () -> {
                task[0] = CLUSTER.get(other, "task/" + id);
                return !"STARTED".equals(task[0].getString("state"));
            });
            long ended = System.currentTimeMillis();
            await("the suspended node's heartbeat goes on", WAIT,
                    () -> CLUSTER.heartbeatAt(runner) > ended + 1_000);
        } finally {
            CLUSTER.manage(runner, ":resume");
        }
        assertEquals("SUCCESS", task[0].getString("state"), task[0].toString());
        assertEquals(1, task[0].getInt("attempt"), task[0].toString());
        assertEquals(1, CLUSTER.summary(other, "suspended").getInt("ended"));
        String log = CLUSTER.logSince(runner, logStart);
        assertFalse(log.contains("WFLYEE0110"), "refused periodic runs in the suspended node's log:\n" + log);
    }

    @Test
    @Order(3)
    void whenTheNodeRunningATaskIsKilled_anotherRunsItAgain_andItEndsOnce() throws Exception {
        Started started = startedTask("killed", 20_000);
        String id = started.id();
        int victim = started.node();
        int survivor = 3 - victim;
        JsonObject[] task = new JsonObject[1];

        CLUSTER.kill(victim);

        await("the survivor runs it to its end", WAIT, () -> {
            task[0] = CLUSTER.get(survivor, "task/" + id);
            return "SUCCESS".equals(task[0].getString("state"));
        });
        assertEquals(2, task[0].getInt("attempt"), "run again after the lost worker");
        assertTrue(task[0].getString("runner").startsWith("node-" + survivor + "/"), task[0].toString());
        JsonObject summary = CLUSTER.summary(survivor, "killed");
        assertEquals(1, summary.getInt("ended"), "only the second run reached its end");
        assertEquals(Map.of("SUCCESS", 1), Cluster.states(summary));
    }

    /** A task enqueued through node 1, and the node that runs it. */
    private record Started(String id, int node) {
    }

    /** Enqueues one task of {@code prefix} that runs {@code millis} and waits until a node has started it. */
    private static Started startedTask(String prefix, int millis) throws IOException {
        String id = CLUSTER.enqueue(1, prefix, 1, millis, 0).get(0);
        JsonObject[] task = new JsonObject[1];
        await("the task starts", WAIT, () -> {
            task[0] = CLUSTER.get(1, "task/" + id);
            return "STARTED".equals(task[0].getString("state"));
        });
        return new Started(id, Integer.parseInt(task[0].getString("node").substring("node-".length())));
    }

    private static JsonObject awaitSucceeded(int node, String prefix, int n) {
        JsonObject[] last = new JsonObject[1];
        await(n + " tasks of " + prefix + " succeed", WAIT, () -> {
            last[0] = CLUSTER.summary(node, prefix);
            return Map.of("SUCCESS", n).equals(Cluster.states(last[0]));
        });
        return last[0];
    }
}
