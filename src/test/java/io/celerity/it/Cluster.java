package io.celerity.it;

import io.celerity.it.cluster.ClusterTasks;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro nodes on a standalone Artemis broker and a PostgreSQL database of their own, run with
 * server-config/cluster/cluster.sh and driven over the test application's HTTP API (io.celerity.it.cluster).
 */
final class Cluster {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;
    private final String database;
    private final String javaOptions;

    Cluster(String name, String javaOptions) {
        this.dir = Path.of(System.getProperty("celerity.test.target", "target"), name).toAbsolutePath();
        this.database = "celerity_" + name;
        this.javaOptions = javaOptions;
    }

    Path dir() {
        return dir;
    }

    /** Creates an empty database, builds the test WAR and starts the broker and the nodes. */
    void start(int nodes) throws Exception {
        String adminUrl = System.getProperty("celerity.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection db = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
        Files.createDirectories(dir);
        File war = dir.resolve("cluster.war").toFile();
        Deployments.sharedWar("cluster", "<class>io.celerity.api.DefaultTaskMeta</class>",
                        adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database)
                .addPackage(ClusterTasks.class.getPackage())
                .as(ZipExporter.class).exportTo(war, true);
        run("start", String.valueOf(nodes), war.getPath());
    }

    /**
     * Starts one zero-setup node (embedded broker, the server's H2 database) as node 1, keeping its broker journal and
     * database in this cluster's folder across restarts.
     */
    Process startZeroSetupNode(boolean fresh) throws Exception {
        Files.createDirectories(dir);
        File war = dir.resolve("cluster.war").toFile();
        if (fresh) {
            Deployments.sharedWar("cluster", "<class>io.celerity.api.DefaultTaskMeta</class>", null)
                    .addPackage(ClusterTasks.class.getPackage())
                    .as(ZipExporter.class).exportTo(war, true);
        }
        File log = dir.resolve("node-1.log").toFile();
        List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath()));
        command.addAll(List.of(javaOptions.split(" ")));
        command.addAll(List.of("-Dcelerity.node=node-1",
                "-Dcelerity.broker.embedded.data-dir=" + dir.resolve("broker"),
                "-jar", "target/payara-micro.jar", "--nocluster", "--port", "8181",
                "--rootdir", dir.resolve("node-1-root").toString(),
                "--postbootcommandfile", "target/test-post-boot.asadmin", "--deploy", war.getPath()));
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!log(1).contains("ready in")) {
            if (!node.isAlive() || System.nanoTime() > deadline) {
                node.destroyForcibly();
                throw new AssertionError("the zero-setup node did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return node;
    }

    /** Runs a command of cluster.sh on this cluster. */
    void run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "server-config/cluster/cluster.sh", arguments[0],
                dir.toString()));
        command.addAll(List.of(arguments).subList(1, arguments.length));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster.log").toFile()));
        builder.environment().put("JAVA_OPTS", javaOptions);
        builder.environment().put("CLUSTER_SHUTDOWN_GRACE_MS", "15000");
        builder.environment().put("CLUSTER_EXTRA_POSTBOOT",
                new File("src/test/payara/test-post-boot.asadmin").getAbsolutePath());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("cluster.sh " + String.join(" ", arguments) + " failed; see "
                    + dir.resolve("cluster.log"));
        }
    }

    /** Enqueues tasks keyed {@code <prefix>-<i>} on a node, all or none; returns their ids. */
    List<String> enqueue(int node, String prefix, int n, long millis, long countdown) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, "enqueue?prefix=" + prefix + "&n=" + n
                        + "&millis=" + millis + "&countdown=" + countdown)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IOException("enqueue on node-" + node + ": " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    /** The status code of one enqueue, whatever it is (the broker may be down). */
    int enqueueStatus(int node, String prefix) throws IOException {
        return send(HttpRequest.newBuilder(uri(node, "enqueue?prefix=" + prefix + "&n=1"))
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }

    JsonObject get(int node, String path) {
        return json(node, "GET", path, HttpRequest.BodyPublishers.noBody());
    }

    JsonObject post(int node, String path) {
        return json(node, "POST", path, HttpRequest.BodyPublishers.noBody());
    }

    private JsonObject json(int node, String method, String path, HttpRequest.BodyPublisher body) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, path))
                    .timeout(Duration.ofSeconds(20)).method(method, body).build());
            if (response.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " on node-" + node + ": " + response.statusCode() + " "
                        + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " on node-" + node + " failed: " + e, e);
        }
    }

    JsonObject summary(int node, String prefix) {
        return get(node, "summary?prefix=" + prefix);
    }

    static Map<String, Integer> states(JsonObject summary) {
        Map<String, Integer> states = new TreeMap<>();
        summary.getJsonObject("states").forEach((state, count) -> states.put(state, ((JsonNumber) count).intValue()));
        return states;
    }

    String log(int node) {
        try {
            return Files.readString(dir.resolve("node-" + node + ".log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI uri(int node, String path) {
        return URI.create("http://127.0.0.1:" + (8180 + node) + "/cluster/api/" + path);
    }
}
