package io.celerity.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One server running the benchmark WAR at {@code http://127.0.0.1:8095/} (or another port, for more nodes) against the
 * standalone broker, with a given worker concurrency: Payara Micro ({@link #start}) or WildFly ({@link WildFly#start}).
 */
final class Server implements AutoCloseable {

    static final int PORT = 8095;

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** The server's process (WildFly's start script, with its java as a descendant). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    static Server start(Path repo, Path app, int concurrency, int brokerPort, Path log, List<String> options)
            throws Exception {
        return start(repo, app, concurrency, brokerPort, log, options, "bench", PORT);
    }

    /** A Payara Micro node of its own name and HTTP port. */
    static Server start(Path repo, Path app, int concurrency, int brokerPort, Path log, List<String> options,
                        String node, int port) throws Exception {
        Path boot = app.resolve("target/bench-boot-" + node + ".asadmin");
        String commands = Files.readString(repo.resolve("server-config/payara/standalone-broker.asadmin"))
                + Files.readString(repo.resolve("server-config/payara/post-boot-commands.asadmin"))
                .replace("celerity.worker.concurrency=8", "celerity.worker.concurrency=" + concurrency);
        Files.writeString(boot, commands);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx2g", "-Dcelerity.node=" + node));
        command.addAll(options);
        String jvm = System.getProperty("bench.server-jvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        String enqueue = System.getProperty("bench.enqueue");
        if (enqueue != null) {
            command.add("-Dcelerity.enqueue=" + enqueue);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + log.resolveSibling("payara-" + (PORT == port ? "" : node + "-") + concurrency + "-" + System.currentTimeMillis() + ".jfr"));
        }
        command.addAll(List.of("-jar", "target/payara-micro.jar", "--nocluster", "--port", Integer.toString(port),
                "--contextroot", "/", "--postbootcommandfile", boot.toString(), "--deploy", "target/celerity-bench.war"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true);
        builder.environment().put("CELERITY_BROKER_HOST", "127.0.0.1");
        builder.environment().put("CELERITY_BROKER_PORT", Integer.toString(brokerPort));
        Process process = builder.start();
        Server server = new Server(process, port);
        CountDownLatch ready = new CountDownLatch(1);
        Thread output = new Thread(() -> copyOutput(process, log, ready), "payara-output");
        output.setDaemon(true);
        output.start();
        if (!ready.await(240, TimeUnit.SECONDS) || !process.isAlive()) {
            server.close();
            throw new IllegalStateException("Payara Micro did not start; see " + log);
        }
        return server;
    }

    /** Copies the server's output to its log file and says when the server is ready. */
    static void copyOutput(Process process, Path log, CountDownLatch ready) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
             BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.contains("Payara Micro") && line.contains("ready in") || line.contains("WFLYSRV0025")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.countDown();
        }
    }

    /** Runs an enqueue in the server and returns its result once it is done. */
    String enqueue(String run, String query) throws IOException, InterruptedException {
        HttpRequest start = HttpRequest.newBuilder(uri("enqueue?run=" + run + "&" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> started = http.send(start, HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(start.uri() + " answered " + started.statusCode() + ": " + started.body());
        }
        while (true) {
            HttpResponse<String> result = http.send(HttpRequest.newBuilder(uri("enqueued?run=" + run)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (result.statusCode() == 200) {
                return result.body();
            }
            if (result.statusCode() != 204) {
                throw new IllegalStateException("enqueue run " + run + " failed: " + result.body());
            }
            Thread.sleep(200);
        }
    }

    String post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET of Celerity's own REST API ({@code celerity/api/...}) as a user of the benchmark app. */
    String getApi(String user, String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/celerity/api/" + path))
                .header("Authorization", "Basic " + credentials).GET().build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/" + path);
    }

    static String javaBinary() {
        return new File(System.getProperty("java.home"), "bin/java").getPath();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList(); // WildFly's java under its start script
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
