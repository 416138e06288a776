package io.celerity.it;

import io.celerity.it.cluster.ClusterTasks;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro nodes on a standalone Artemis broker and a PostgreSQL database of their own, run with
 * server-config/cluster/cluster.sh and driven over the test application's HTTP API (io.celerity.it.cluster).
 */
final class Cluster extends ClusterClient {

    private final Path dir;
    private final String database;
    private final String javaOptions;

    Cluster(String name, String javaOptions) {
        super(node -> "http://127.0.0.1:" + (8180 + node) + "/cluster/api/");
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
        if (fresh && Files.exists(dir)) { // a run before this one left its server's root, broker and log
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
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
        long startsBefore = log(1).split("ready in", -1).length; // the log is appended to: earlier starts are in it
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (log(1).split("ready in", -1).length == startsBefore) {
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

    /** Stops (fast: open connections are cut) or starts (if it is not running) the local PostgreSQL server. */
    void database(String action) throws Exception {
        String version = "$(ls /etc/postgresql | sort -V | tail -n 1)";
        String ready = "pg_isready -h 127.0.0.1 -p 5432 -q";
        String command = "stop".equals(action)
                ? "pg_ctlcluster --skip-systemctl-redirect " + version + " main stop -m fast"
                : ready + " || { pg_ctlcluster --skip-systemctl-redirect " + version + " main start && until " + ready
                        + "; do sleep 0.2; done; }";
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster.log").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("PostgreSQL " + action + " failed; see " + dir.resolve("cluster.log"));
        }
    }

    String log(int node) {
        try {
            return Files.readString(dir.resolve("node-" + node + ".log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

}
