package io.celerity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * One zero-setup node (embedded broker, embedded H2 database) killed with -9 while it holds queued tasks and runs one,
 * then started again on the same data: every queued task runs once, the running one runs again, and a countdown of
 * two minutes runs once, when due. Runs in the H2 pass of the build.
 */
class ZeroSetupIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** A countdown that outlives the node's kill and restart. */
    private static final Duration COUNTDOWN = Duration.ofMinutes(2);

    @Test
    void killedAndRestarted_everyQueuedTaskRunsOnce() throws Exception {
        assumeFalse(Deployments.postgres(), "the zero-setup node uses the server's H2 database");
        Cluster node = new Cluster("zero-setup", "-Dcelerity.worker.lease=6s -Dcelerity.sweeper.interval=1s");
        Process first = node.startZeroSetupNode(true);
        Process second = null;
        try {
            String running = node.enqueue(1, "zero-running", 1, 10_000, 0).get(0);
            List<String> queued = node.enqueue(1, "zero-queued", 20, 50, 15_000);
            String later = node.enqueue(1, "zero-later", 1, 0, COUNTDOWN.toMillis()).get(0);
            await("a task runs", WAIT, () -> "STARTED".equals(node.get(1, "task/" + running).getString("state")));

            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            second = node.startZeroSetupNode(false);

            JsonObject[] summary = new JsonObject[1];
            await("the queued tasks ran", WAIT, () -> {
                summary[0] = node.summary(1, "zero-queued");
                return Map.of("SUCCESS", queued.size()).equals(Cluster.states(summary[0]));
            });
            assertEquals(queued.size(), summary[0].getInt("ended"));
            assertEquals(0, summary[0].getInt("duplicated"), "a queued task ran twice");
            await("the running task ran again", WAIT, () -> "SUCCESS".equals(node.get(1, "task/" + running).getString("state")));
            JsonObject done = node.get(1, "task/" + running);
            assertEquals(2, done.getInt("attempt"));
            assertTrue(done.getString("runner").startsWith("node-1/"));

            JsonObject waiting = node.get(1, "task/" + later);
            long due = waiting.getJsonNumber("createdAt").longValue() + COUNTDOWN.toMillis();
            if (System.currentTimeMillis() < due - 1_000) { // a slow machine may have got here after it was due
                assertEquals("SCHEDULED", waiting.getString("state"), "not due before its countdown");
            }
            await("the countdown of minutes ran", COUNTDOWN.plus(WAIT),
                    () -> "SUCCESS".equals(node.get(1, "task/" + later).getString("state")));
            JsonObject ran = node.get(1, "task/" + later);
            assertTrue(ran.getJsonNumber("startedAt").longValue() - ran.getJsonNumber("createdAt").longValue()
                    >= COUNTDOWN.toMillis() - 250, "started before its countdown: " + ran);
            assertEquals(1, node.summary(1, "zero-later").getInt("ended"), "it ran once");
        } finally {
            first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            if (second != null) {
                second.destroy();
                if (!second.waitFor(60, TimeUnit.SECONDS)) {
                    second.destroyForcibly().waitFor(60, TimeUnit.SECONDS); // it holds the broker's port until gone
                }
            }
        }
    }
}
