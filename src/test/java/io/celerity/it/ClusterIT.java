package io.celerity.it;

import io.celerity.it.cluster.ClusterTasks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Payara Micro nodes on one standalone Artemis broker and one PostgreSQL database, started with
 * server-config/cluster/cluster.sh, driven over HTTP: work spreads, and nodes and the broker die. Runs in the
 * PostgreSQL pass of the build. Leases are 6 s here so that the outcomes come in seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path DIR = Path.of(System.getProperty("celerity.test.target", "target"), "cluster").toAbsolutePath();
    private static final String DATABASE = "celerity_cluster";
    private static final int HTTP_PORT = 8180;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(Deployments.postgres(), "the cluster runs on PostgreSQL");
        String adminUrl = System.getProperty("celerity.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection db = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        Files.createDirectories(DIR);
        File war = DIR.resolve("cluster.war").toFile();
        Deployments.sharedWar("cluster", "<class>io.celerity.api.DefaultTaskMeta</class>",
                        adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + DATABASE)
                .addPackage(ClusterTasks.class.getPackage())
                .as(ZipExporter.class).exportTo(war, true);
        cluster("start", "2", war.getPath());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (Deployments.postgres()) {
            cluster("stop");
        }
    }

    @Test
    @Order(1)
    void workSpreadsOverBothNodes() throws Exception {
        enqueue(1, "spread", 16, 1000, 0);

        JsonObject summary = awaitSucceeded(2, "spread", 16);
        JsonObject byNode = summary.getJsonObject("startsByNode");
        assertTrue(byNode.getInt("node-1", 0) >= 3 && byNode.getInt("node-2", 0) >= 3, "starts by node " + byNode);
        assertEquals(0, summary.getInt("duplicated"));
    }

    @Test
    @Order(2)
    void whenTheNodeRunningATaskIsKilled_anotherRunsItAgain_andItEndsOnce() throws Exception {
        String id = enqueue(1, "killed", 1, 20_000, 0).get(0);
        JsonObject started = awaitTask(1, id, "STARTED");
        int victim = node(started.getString("node"));
        int survivor = 3 - victim;

        cluster("signal-node", String.valueOf(victim), "KILL");

        JsonObject done = awaitTask(survivor, id, "SUCCESS");
        assertEquals(2, done.getInt("attempt"), "run again after the lost worker");
        assertTrue(done.getString("runner").startsWith("node-" + survivor + "/"), done.toString());
        JsonObject summary = get(survivor, "summary?prefix=killed");
        assertEquals(1, summary.getInt("ended"), "only the second run reached its end");
        assertEquals(Map.of("SUCCESS", 1), states(summary));

        cluster("start-node", String.valueOf(victim));
    }

    @Test
    @Order(3)
    void aStalledNodeThatWakesUp_cannotOverwriteWhatAnotherNodeWrote() throws Exception {
        String id = enqueue(1, "stalled", 1, 8_000, 0).get(0);
        JsonObject started = awaitTask(1, id, "STARTED");
        int stalled = node(started.getString("node"));
        int other = 3 - stalled;

        cluster("signal-node", String.valueOf(stalled), "STOP");
        JsonObject done;
        try {
            done = awaitTask(other, id, "SUCCESS");
        } finally {
            cluster("signal-node", String.valueOf(stalled), "CONT");
        }
        assertTrue(done.getString("runner").startsWith("node-" + other + "/"), done.toString());

        Path log = DIR.resolve("node-" + stalled + ".log");
        await("the woken node's end is refused", WAIT, () -> read(log).contains("CELERITY-0211: task " + id));
        JsonObject after = get(other, "task/" + id);
        assertEquals("SUCCESS", after.getString("state"));
        assertEquals(done.getInt("version"), after.getInt("version"), "nothing was written after the other node ended it");
        assertEquals(2, get(other, "summary?prefix=stalled").getInt("ended"), "both bodies ran to their end");
    }

    @Test
    @Order(4)
    void tasksQueuedWhenTheBrokerDies_allRunOnce_afterItsRestart_andAnEnqueueMeanwhileFailsLoudly() throws Exception {
        enqueue(1, "broker", 30, 0, 15_000);

        cluster("kill-broker");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri(2, "enqueue?prefix=outage&n=1"))
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, refused.statusCode(), "an enqueue without a broker must fail: " + refused.body());
        cluster("start-broker");

        JsonObject summary = awaitSucceeded(1, "broker", 30);
        assertEquals(30, summary.getInt("ended"));
        assertEquals(0, summary.getInt("duplicated"));
        assertEquals(0, get(1, "summary?prefix=outage").getInt("total"), "the failed enqueue left no task behind");
    }

    @Test
    @Order(5)
    void aStoppingNode_letsShortTasksFinish_andHandsBackTheLongOne() throws Exception {
        List<String> quick = enqueue(1, "graceful-quick", 6, 2_000, 0);
        String slow = enqueue(1, "graceful-slow", 1, 60_000, 0).get(0);
        JsonObject started = awaitTask(1, slow, "STARTED");
        int stopped = node(started.getString("node"));
        int other = 3 - stopped;

        long before = System.nanoTime();
        cluster("stop-node", String.valueOf(stopped));
        long stopSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before);

        assertTrue(stopSeconds < 40, "the node took " + stopSeconds + " s to stop with a grace of 5 s");
        assertTrue(read(DIR.resolve("node-" + stopped + ".log")).contains("CELERITY-0225: handed back when node node-"
                + stopped + " stopped"), "the long task was handed back");
        JsonObject done = awaitTask(other, slow, "SUCCESS");
        assertTrue(done.getString("runner").startsWith("node-" + other + "/"), done.toString());
        JsonObject summary = awaitSucceeded(other, "graceful-quick", quick.size());
        assertEquals(0, summary.getInt("duplicated"), "short tasks ran to their end once");

        cluster("start-node", String.valueOf(stopped));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static List<String> enqueue(int node, String prefix, int n, long millis, long countdown) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(node, "enqueue?prefix=" + prefix + "&n=" + n
                        + "&millis=" + millis + "&countdown=" + countdown)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonArray ids = reader.readArray();
            List<String> list = new ArrayList<>();
            ids.getValuesAs(jakarta.json.JsonString.class).forEach(s -> list.add(s.getString()));
            return list;
        }
    }

    private static JsonObject awaitSucceeded(int node, String prefix, int n) {
        JsonObject[] last = new JsonObject[1];
        await(n + " tasks of " + prefix + " succeed", WAIT, () -> {
            last[0] = get(node, "summary?prefix=" + prefix);
            return Map.of("SUCCESS", n).equals(states(last[0]));
        });
        return last[0];
    }

    private static JsonObject awaitTask(int node, String id, String state) {
        JsonObject[] last = new JsonObject[1];
        await("task " + id + " is " + state, WAIT, () -> {
            last[0] = get(node, "task/" + id);
            return state.equals(last[0].getString("state"));
        });
        return last[0];
    }

    private static Map<String, Integer> states(JsonObject summary) {
        Map<String, Integer> states = new java.util.TreeMap<>();
        summary.getJsonObject("states").forEach((state, count) -> states.put(state, ((jakarta.json.JsonNumber) count).intValue()));
        return states;
    }

    private static JsonObject get(int node, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(node, path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " on node-" + node + ": " + response.statusCode() + " " + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on node-" + node + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI uri(int node, String path) {
        return URI.create("http://127.0.0.1:" + (HTTP_PORT + node) + "/cluster/api/" + path);
    }

    private static int node(String name) {
        return Integer.parseInt(name.substring("node-".length()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    static void cluster(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "server-config/cluster/cluster.sh", arguments[0],
                DIR.toString()));
        command.addAll(List.of(arguments).subList(1, arguments.length));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("cluster.log").toFile()));
        builder.environment().put("JAVA_OPTS", "-Dcelerity.worker.lease=6s -Dcelerity.sweeper.interval=1s -Dcelerity.worker.shutdown-grace=5s");
        builder.environment().put("CLUSTER_EXTRA_POSTBOOT", new File("src/test/payara/test-post-boot.asadmin").getAbsolutePath());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("cluster.sh " + String.join(" ", arguments) + " failed; see " + DIR.resolve("cluster.log"));
        }
    }
}
