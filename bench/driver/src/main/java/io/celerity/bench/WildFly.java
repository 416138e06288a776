package io.celerity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly 39 (full profile) for the benchmark: the distribution unpacked by the driver's build, copied to
 * bench/target/wildfly and prepared once by server-config/wildfly/production.cli (the standalone broker; the WAR brings
 * its own data source, as on Payara), with the WAR at the root context on port 8095.
 */
final class WildFly {

    private static final String VERSION = "39.0.1.Final";
    private static final int PORT_OFFSET = Server.PORT - 8080;

    private WildFly() {
    }

    static Server start(Path repo, Path app, int concurrency, int brokerPort, Path log, List<String> options)
            throws Exception {
        Path home = repo.resolve("bench/target/wildfly");
        if (!Files.exists(home.resolve("bin/standalone.sh"))) {
            prepare(repo, home);
        }
        cli(home, "embed-server --server-config=standalone-full.xml --std-out=discard\n"
                + "/system-property=MPCONFIG\\=celerity.worker.concurrency:write-attribute(name=value,value="
                + concurrency + ")\nstop-embedded-server\n");
        for (String state : List.of("standalone/data", "standalone/tmp", "standalone/log")) {
            delete(home.resolve(state));
        }
        Files.copy(app.resolve("target/celerity-bench.war"), home.resolve("standalone/deployments/ROOT.war"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Dcelerity.node=bench"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", home.toString());
        // the same heap as Payara's; the other settings are standalone.conf's defaults, which JAVA_OPTS replaces
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m "
                + "-Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        builder.environment().put("CELERITY_BROKER_HOST", "127.0.0.1");
        builder.environment().put("CELERITY_BROKER_PORT", Integer.toString(brokerPort));
        builder.environment().put("CELERITY_DB_URL", Database.URL);
        builder.environment().put("CELERITY_DB_PASSWORD", "unused-with-trust-auth");
        Process process = builder.start();
        Server server = new Server(process, Server.PORT);
        CountDownLatch ready = new CountDownLatch(1);
        Thread output = new Thread(() -> Server.copyOutput(process, log, ready), "wildfly-output");
        output.setDaemon(true);
        output.start();
        if (!ready.await(240, TimeUnit.SECONDS) || !process.isAlive()
                || !Files.readString(log).contains("Deployed \"ROOT.war\"")) {
            server.close();
            throw new IllegalStateException("WildFly did not start with the benchmark WAR; see " + log);
        }
        return server;
    }

    /** A fresh copy of the distribution, with the PostgreSQL driver module and production.cli applied. */
    private static void prepare(Path repo, Path home) throws Exception {
        Path dist = repo.resolve("bench/driver/target/wildfly-" + VERSION);
        delete(home);
        copy(dist, home);
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(file -> file.toString().endsWith(".sh")).forEach(file -> file.toFile().setExecutable(true));
        }
        cli(home, "module add --name=org.postgresql --resources="
                + repo.resolve("bench/driver/target/jdbc/postgresql.jar")
                + " --dependencies=java.se,jakarta.transaction.api\n"
                + "embed-server --server-config=standalone-full.xml --std-out=discard\n"
                + Files.readString(repo.resolve("server-config/wildfly/production.cli"))
                + "\n/subsystem=undertow/server=default-server/host=default-host/location=\\/:remove\n"
                + "stop-embedded-server\n");
    }

    private static void cli(Path home, String commands) throws Exception {
        Path script = Files.createTempFile("bench-wildfly", ".cli");
        Files.writeString(script, commands);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).inheritIO();
        builder.environment().put("JBOSS_HOME", home.toString());
        Process cli = builder.start();
        if (!cli.waitFor(180, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli failed on " + script);
        }
        Files.delete(script);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
