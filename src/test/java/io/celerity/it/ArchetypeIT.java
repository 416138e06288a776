package io.celerity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archetype, as a new user meets it: one command generates a project, one command ({@code run.sh}) builds and
 * starts it, and it runs the long addition for its users; then {@code run-wildfly.sh} runs the same project on
 * WildFly. Each server's log, from the build to its stop on SIGTERM, has no warning, error or stack trace. The
 * library under test and the archetype are installed
 * into a local repository of this test's own (target/archetype-it/repo), which finds everything else in the user's
 * local repository, then in Maven Central.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchetypeIT {

    private static final File TARGET = new File(System.getProperty("celerity.test.target", "target"))
            .getAbsoluteFile();
    private static final File ROOT = TARGET.getParentFile();
    private static final File HOME = new File(TARGET, "archetype-it");
    private static final File REPO = new File(HOME, "repo");
    private static final File SETTINGS = new File(HOME, "settings.xml");
    private static final File WORK = new File(HOME, "work");
    private static final File APP = new File(WORK, "addition-app");
    /** Offsets WildFly's ports may be moved by: the Payara Micro of the other tests keeps its own. */
    private static final List<Integer> WILDFLY_OFFSETS = List.of(300, 400, 600, 700, 900, 1100);
    private static final List<Integer> WILDFLY_PORTS = List.of(8080, 8443, 9990, 9993, 8009, 4712, 4713, 3528, 3529);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern LEVEL = Pattern.compile(
            "^(?:\\[[^\\]]*\\]\\s*\\[[^\\]]*\\]\\s*\\[([A-Z]+)\\]|([A-Z]+): |\\d\\d:\\d\\d:\\d\\d,\\d{3} ([A-Z]+) )");
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String version;
    private static Process app;
    private static Thread appOutput;
    private static File appLog;
    private static String base;

    @BeforeAll
    static void generateBuildAndRun() throws Exception {
        long started = System.nanoTime();
        version = libraryVersion();
        deleteTree(HOME.toPath());
        WORK.mkdirs();
        writeSettings();
        installLibrary();
        installArchetype();
        mvn(WORK, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=io.celerity", "-DarchetypeArtifactId=celerity-archetype",
                "-DarchetypeVersion=" + version, "-DgroupId=com.example", "-DartifactId=addition-app",
                "-Dversion=1.0-SNAPSHOT", "-Dpackage=com.example.addition", "-DinteractiveMode=false");
        System.out.printf("ArchetypeIT: installed and generated in %d s%n", seconds(started));
        int port = freePort();
        launch("run.sh", Map.of("PORT", String.valueOf(port), "BROKER_PORT", String.valueOf(freePort())),
                "http://127.0.0.1:" + port, "payara", "Payara Micro", "ready in");
        System.out.printf("ArchetypeIT: the generated application answered after %d s%n", seconds(started));
    }

    @Test
    @Order(1)
    void theGeneratedProject_isTheUsersOwnApplication() throws IOException {
        assertTrue(new File(APP, "src/main/java/com/example/addition/AsyncTask.java").isFile());
        String pom = Files.readString(APP.toPath().resolve("pom.xml"));
        assertTrue(pom.contains("<groupId>com.example</groupId>")
                && pom.contains("<artifactId>addition-app</artifactId>"), pom);
        assertTrue(pom.contains("<celerity.version>" + version + "</celerity.version>"), pom);
        String readme = Files.readString(APP.toPath().resolve("README.md"));
        assertTrue(readme.contains("-DarchetypeVersion=" + version)
                && readme.contains("-Dpackage=com.example.addition"), readme);
        assertFalse(Files.readString(APP.toPath().resolve("src/main/resources/META-INF/microprofile-config.properties"))
                .contains("owner-field"));
    }

    @Test
    @Order(2)
    void anAddition_runsInTheBackground_forItsOwnerOnly() throws Exception {
        String provider = first(get("alice", "/api/providers", 200), "\"id\"\\s*:\\s*(\\d+)");
        assertEquals("1", provider, "the README's examples use provider 1");

        String id = startAddition("alice", 1, 2, provider);
        String task = awaitEnd("alice", id);
        assertEquals("SUCCESS", first(task, "\"state\"\\s*:\\s*\"([A-Z]+)\""), task);
        assertTrue(Pattern.compile("\"result\"\\s*:\\s*3\\b").matcher(task).find(), task);
        assertTrue(Pattern.compile("\"current\"\\s*:\\s*100\\b").matcher(task).find(), task);
        // the resource sets owner and provider through the entity's class; the annotation names the task
        assertTrue(Pattern.compile("\"provider\"\\s*:\\s*1\\b").matcher(task).find(), task);
        assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"Long addition\"").matcher(task).find(), task);
        assertTrue(Pattern.compile("\"owner\"\\s*:\\s*\"alice\"").matcher(task).find(), task);

        assertTrue(get("alice", "/celerity/api/tasks", 200).contains(id), "alice does not see her task");
        assertFalse(get("bob", "/celerity/api/tasks", 200).contains(id), "bob sees alice's task");
        get("bob", "/celerity/api/tasks/" + id, 404);
        assertTrue(get("admin", "/celerity/api/tasks", 200).contains(id), "admin does not see every task");

        String zero = startAddition("alice", 0, 0, provider);
        String failed = awaitEnd("alice", zero);
        assertEquals("FAILURE", first(failed, "\"state\"\\s*:\\s*\"([A-Z]+)\""), failed);
        assertTrue(failed.contains("x + y must not be 0"), failed);
    }

    @Test
    @Order(3)
    void theRunScript_startsTheApplicationInTheForeground() {
        assertTrue(app.isAlive());
        assertTrue(app.info().command().orElse("").endsWith("java"), "run.sh does not exec java: "
                + app.info().commandLine().orElse("?"));
    }

    /** The same project on WildFly, with run-wildfly.sh: the same application, and a log as clean. */
    @Test
    @Order(4)
    void theWildFlyScript_runsTheSameApplication() throws Exception {
        stopAndCheckTheLog();
        int offset = WILDFLY_OFFSETS.stream().filter(ArchetypeIT::wildFlyPortsFree).findFirst()
                .orElseThrow(() -> new AssertionError("no free ports for WildFly at offsets " + WILDFLY_OFFSETS));
        launch("run-wildfly.sh", Map.of("PORT", "8080", "PORT_OFFSET", String.valueOf(offset)),
                "http://127.0.0.1:" + (8080 + offset), "wildfly", "WFLYSRV0025");
        String id = startAddition("alice", 4, 5, "1");
        String task = awaitEnd("alice", id);
        assertEquals("SUCCESS", first(task, "\"state\"\\s*:\\s*\"([A-Z]+)\""), task);
        assertTrue(Pattern.compile("\"result\"\\s*:\\s*9\\b").matcher(task).find(), task);
        assertFalse(get("bob", "/celerity/api/tasks", 200).contains(id), "bob sees alice's task");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The application stops on SIGTERM, and its log, from the build to the stop, is clean. */
    @AfterAll
    static void stopAndCheckTheLog() throws Exception {
        if (app == null) {
            return;
        }
        if (app.isAlive()) {
            terminate();
        }
        app = null;
        List<String> lines;
        synchronized (LOG) {
            lines = List.copyOf(LOG);
        }
        List<String> severe = lines.stream().filter(l -> List.of("SEVERE", "ERROR", "FATAL").contains(String.valueOf(level(l))))
                .toList();
        List<String> traces = lines.stream().filter(l -> l.startsWith("\tat ")).toList();
        List<String> warnings = lines.stream().filter(l -> List.of("WARNING", "WARN").contains(String.valueOf(level(l)))).toList();
        assertTrue(severe.isEmpty() && traces.isEmpty(), "SEVERE lines or stack traces in " + appLog + ":\n"
                + String.join("\n", severe) + "\n" + String.join("\n", traces));
        assertTrue(warnings.isEmpty(), "WARNING lines in " + appLog + ":\n" + String.join("\n", warnings));
    }

    /**
     * The level of a log record's first line: Payara's {@code [time] [product] [LEVEL] ...}, or the JDK's
     * {@code LEVEL: ...} of the lines printed before Payara's logging is set up; {@code null} for other lines.
     */
    private static String level(String line) {
        Matcher matcher = LEVEL.matcher(ANSI.matcher(line).replaceAll(""));
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2)
                : matcher.group(3);
    }

    /**
     * Starts a run script of the generated project and waits until the application answers; {@code ready} is what
     * the server logs once it has deployed (it keeps running when a deployment failed).
     */
    private static void launch(String script, Map<String, String> variables, String url, String name,
                               String... ready) throws Exception {
        base = url;
        appLog = new File(HOME, "addition-app-" + name + ".log");
        LOG.clear();
        ProcessBuilder builder = new ProcessBuilder("bash", script).directory(APP).redirectErrorStream(true);
        environment(builder.environment());
        builder.environment().putAll(variables);
        builder.environment().put("CELERITY_BROKER_PASSWORD", "archetype-it-" + System.nanoTime());
        app = builder.start();
        Process started = app;
        // a test JVM that dies leaves no server behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        long readyAt = -1;
        appOutput = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    LOG.add(line);
                    Files.writeString(appLog.toPath(), line + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                LOG.add("(reading the output failed: " + e + ")");
            }
        }, "addition-app-output");
        appOutput.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError(script + " ended with " + app.exitValue() + ":\n" + String.join("\n", LOG));
            }
            if (readyAt < 0 && logHas(ready)) {
                readyAt = System.nanoTime();
            }
            if (readyAt > 0 && System.nanoTime() - readyAt > READY_GRACE.toNanos()) {
                throw new AssertionError("the server is up, but the application does not answer:\n"
                        + String.join("\n", LOG));
            }
            try {
                if (send("alice", HttpRequest.newBuilder(URI.create(base + "/api/me")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("the application did not answer within " + START_TIMEOUT + ":\n"
                + String.join("\n", LOG));
    }

    /** SIGTERM to the server's JVM (run.sh execs it; WildFly's start script runs it), as a service manager would. */
    private static void terminate() throws Exception {
        long started = System.nanoTime();
        // through the handles: Process.destroy would also close the output, and lose what the server prints as it
        // stops (up to the moment its log manager closes, which may come before its last lines)
        List<ProcessHandle> processes = Stream.concat(app.descendants(), Stream.of(app.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        boolean ended = processes.stream().noneMatch(ProcessHandle::isAlive);
        if (!ended) {
            processes.forEach(ProcessHandle::destroyForcibly);
        }
        appOutput.join(TimeUnit.SECONDS.toMillis(30));
        System.out.printf("ArchetypeIT: the application stopped %s in %d s%n", ended ? "on SIGTERM" : "when killed",
                seconds(started));
        assertTrue(ended, "the application did not stop on SIGTERM within 60 s");
    }

    private static boolean wildFlyPortsFree(int offset) {
        for (int port : WILDFLY_PORTS) {
            try (ServerSocket socket = new ServerSocket(port + offset)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean logHas(String... parts) {
        synchronized (LOG) {
            return LOG.stream().anyMatch(line -> Stream.of(parts).allMatch(line::contains));
        }
    }

    private static String startAddition(String user, int x, int y, String provider) throws Exception {
        HttpResponse<String> response = send(user, HttpRequest.newBuilder(URI.create(base + "/api/additions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"x\": " + x + ", \"y\": " + y + ", \"provider\": " + provider + "}")));
        assertEquals(200, response.statusCode(), response.body());
        return first(response.body(), "\"id\"\\s*:\\s*\"([^\"]+)\"");
    }

    private static String awaitEnd(String user, String id) throws Exception {
        long deadline = System.nanoTime() + TASK_TIMEOUT.toNanos();
        String task = "";
        while (System.nanoTime() < deadline) {
            task = get(user, "/celerity/api/tasks/" + id, 200);
            String state = first(task, "\"state\"\\s*:\\s*\"([A-Z]+)\"");
            if (List.of("SUCCESS", "FAILURE", "REVOKED", "ABORTED", "EXPIRED").contains(state)) {
                return task;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("task " + id + " did not end within " + TASK_TIMEOUT + ": " + task);
    }

    private static String get(String user, String path, int status) throws Exception {
        HttpResponse<String> response = send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
        assertEquals(status, response.statusCode(), "GET " + path + " as " + user + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no " + regex + " in " + text);
        return matcher.group(1);
    }

    // --- the repository and the builds -----------------------------------------------------------------------------

    /**
     * This test's settings: its own local repository, and the user's local repository as the first remote one, so
     * that nested builds find what the outer build downloaded; Maven Central comes after it. The work folder's
     * .mvn/maven.config makes every build started there (the generate command, run.sh's) use them.
     */
    private static void writeSettings() throws IOException {
        String userRepository = new File(System.getProperty("user.home"), ".m2/repository").toURI().toString();
        String repository = """
                        <id>user-local</id>
                        <url>%s</url>
                        <releases><enabled>true</enabled></releases>
                        <snapshots><enabled>true</enabled><updatePolicy>never</updatePolicy></snapshots>
                """.formatted(userRepository);
        Files.writeString(SETTINGS.toPath(), """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                    <localRepository>%s</localRepository>
                    <profiles>
                        <profile>
                            <id>user-local-repository</id>
                            <repositories><repository>
                %s            </repository></repositories>
                            <pluginRepositories><pluginRepository>
                %s            </pluginRepository></pluginRepositories>
                        </profile>
                    </profiles>
                    <activeProfiles><activeProfile>user-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(REPO.getPath(), repository, repository));
        Path config = WORK.toPath().resolve(".mvn/maven.config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "-B\n--settings=" + SETTINGS.getPath() + "\n");
    }

    /** The library as its build attaches it: the jar with its POM, the resource adapter and the server setups. */
    private static void installLibrary() throws Exception {
        installFile(new File(TARGET, "celerity-" + version + ".jar"), "-DpomFile=" + new File(ROOT, "pom.xml"));
        installFile(new File(TARGET, "artemis-ra.rar"), coordinates("rar", "artemis-ra"));
        installFile(new File(ROOT, "server-config/payara/pre-boot-commands.asadmin"),
                coordinates("asadmin", "payara-pre-boot"));
        installFile(new File(ROOT, "server-config/payara/post-boot-commands.asadmin"),
                coordinates("asadmin", "payara-post-boot"));
        installFile(new File(ROOT, "server-config/wildfly/zero-setup.cli"), coordinates("cli", "wildfly-zero-setup"));
    }

    private static String[] coordinates(String type, String classifier) {
        return new String[] {"-DgroupId=io.celerity", "-DartifactId=celerity", "-Dversion=" + version,
                "-Dpackaging=" + type, "-Dclassifier=" + classifier, "-DgeneratePom=false"};
    }

    private static void installFile(File file, String... arguments) throws Exception {
        assertTrue(file.isFile(), file + " is missing: build the library first");
        List<String> command = new ArrayList<>(List.of("--settings=" + SETTINGS.getPath(),
                "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file", "-Dfile=" + file.getPath()));
        command.addAll(List.of(arguments));
        mvn(HOME, command.toArray(String[]::new));
    }

    /** A copy of the archetype's sources, built here so that nothing is written beside them. */
    private static void installArchetype() throws Exception {
        Path sources = ROOT.toPath().resolve("archetype");
        Path copy = HOME.toPath().resolve("archetype");
        try (Stream<Path> files = Files.walk(sources)) {
            Iterable<Path> tree = files.filter(f -> !sources.relativize(f).startsWith("target"))::iterator;
            for (Path file : tree) {
                Path to = copy.resolve(sources.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        mvn(HOME, "--settings=" + SETTINGS.getPath(), "-f", copy.resolve("pom.xml").toString(), "install");
    }

    private static void mvn(File directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true);
        environment(builder.environment());
        File output = new File(HOME, "mvn-" + System.nanoTime() + ".log");
        Process mvn = builder.redirectOutput(output).start();
        if (!mvn.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            throw new AssertionError("not done within " + BUILD_TIMEOUT + ": " + command);
        }
        assertEquals(0, mvn.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(output));
    }

    /** The nested builds and run.sh use the Maven and the JDK of this build. */
    private static void environment(Map<String, String> environment) {
        environment.remove("MAVEN_BASEDIR");
        environment.remove("MAVEN_PROJECTBASEDIR");
        String path = new File(System.getProperty("java.home"), "bin").getPath();
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && new File(mavenHome, "bin/mvn").isFile()) {
            path = new File(mavenHome, "bin").getPath() + File.pathSeparator + path;
        }
        environment.put("PATH", path + File.pathSeparator + environment.getOrDefault("PATH", ""));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    private static String mavenExecutable() {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && new File(mavenHome, "bin/mvn").isFile()) {
            return new File(mavenHome, "bin/mvn").getPath();
        }
        return "mvn";
    }

    private static String libraryVersion() throws IOException {
        try (Stream<Path> files = Files.list(TARGET.toPath())) {
            return files.map(f -> f.getFileName().toString())
                    .map(Pattern.compile("celerity-(\\d[^-]*(?:-SNAPSHOT)?)\\.jar")::matcher)
                    .filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no celerity-<version>.jar in " + TARGET
                            + ": build the library first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
