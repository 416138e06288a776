package io.celerity.it;

import io.celerity.it.cluster.ClusterTasks;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly nodes prepared by server-config/wildfly/production.cli (the build's target/wildfly-production), each with
 * a server folder of its own, on the build's standalone Artemis broker and a PostgreSQL database of their own, driven
 * over the cluster test application's HTTP API. Node i listens on HTTP 8080 + 100 (i + 2).
 */
final class WildFlyCluster extends ClusterClient implements AutoCloseable {

    private final Path home = Path.of(System.getProperty("wildfly.production.home", "target/wildfly-production"));
    private final Path dir;
    private final String database;
    private final String javaOptions;
    private final Map<Integer, Process> nodes = new HashMap<>();

    WildFlyCluster(String name, String javaOptions) {
        super(node -> "http://127.0.0.1:" + port(node) + "/cluster/api/");
        this.dir = Path.of(System.getProperty("celerity.test.target", "target"), name).toAbsolutePath();
        this.database = "celerity_" + name.replace('-', '_');
        this.javaOptions = javaOptions;
    }

    private static int port(int node) {
        return 8080 + offset(node);
    }

    private static int offset(int node) {
        return 100 * (node + 2);
    }

    /** Creates an empty database, builds the test WAR and starts the nodes, each with its own copy of the server. */
    void start(int count) throws Exception {
        try (Connection db = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        File war = dir.resolve("cluster.war").toFile();
        Deployments.sharedWar("cluster", "<class>io.celerity.api.DefaultTaskMeta</class>", null)
                .addPackage(ClusterTasks.class.getPackage())
                .as(ZipExporter.class).exportTo(war, true);
        for (int node = 1; node <= count; node++) {
            Path base = dir.resolve("node-" + node);
            copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(war.toPath(), base.resolve("deployments/cluster.war"), StandardCopyOption.REPLACE_EXISTING);
            startNode(node);
        }
        for (int node = 1; node <= count; node++) {
            awaitNode(node);
        }
    }

    void startNode(int node) throws IOException {
        Path base = dir.resolve("node-" + node);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset(node), "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1", "-Djboss.tx.node.id=node-" + node,
                "-Dcelerity.node=node-" + node));
        command.addAll(List.of(javaOptions.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(node).toFile()));
        builder.environment().put("JBOSS_HOME", home.toAbsolutePath().toString());
        builder.environment().put("CELERITY_DB_URL", databaseUrl());
        nodes.put(node, builder.start());
    }

    private static String adminUrl() {
        return System.getProperty("celerity.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private String databaseUrl() {
        String url = adminUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    /** The node's last heartbeat, in epoch milliseconds, as its row in the nodes' table says (0 without a row). */
    long heartbeatAt(int node) {
        try (Connection db = DriverManager.getConnection(databaseUrl(), "postgres", "");
             PreparedStatement query = db.prepareStatement(
                     "SELECT COALESCE(MAX(heartbeat_at), 0) FROM celerity_node WHERE name = ?")) {
            query.setString(1, "node-" + node);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the node answers with the application deployed. */
    void awaitNode(int node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!nodes.get(node).isAlive()) {
                throw new AssertionError("WildFly node-" + node + " stopped; see " + log(node));
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
                        + "/cluster/api/summary?prefix=none")).timeout(Duration.ofSeconds(5)).build())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly node-" + node + " did not start; see " + log(node));
    }

    /** Runs a management operation on the node with the server's CLI, as its local administrator. */
    void manage(int node, String operation) throws Exception {
        Path output = dir.resolve("cli-node-" + node + ".log");
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=remote+http://127.0.0.1:" + (9990 + offset(node)), "--command=" + operation)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = cli.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
        String printed = Files.readString(output);
        if (!ended || cli.exitValue() != 0 || !printed.contains("success")) {
            throw new AssertionError(operation + " on WildFly node-" + node + " failed:\n" + printed);
        }
    }

    /** The size of the node's console log so far. */
    long logSize(int node) throws IOException {
        return Files.size(log(node));
    }

    /** What the node printed from {@code offset} on. */
    String logSince(int node, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log(node));
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    private Path log(int node) {
        return dir.resolve("node-" + node + ".log");
    }

    /** Kills the node's server process, and the script that started it, with SIGKILL. */
    void kill(int node) throws InterruptedException {
        Process script = nodes.remove(node);
        List<ProcessHandle> processes = script.descendants().toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
        for (ProcessHandle process : processes) {
            process.onExit().join();
        }
        script.waitFor();
    }

    @Override
    public void close() throws Exception {
        for (int node : List.copyOf(nodes.keySet())) {
            kill(node);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().contains("standalone_xml_history")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
