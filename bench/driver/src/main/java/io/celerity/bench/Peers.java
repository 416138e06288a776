package io.celerity.bench;

import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Celery and JobRunr on this machine, measured in the same run as Celerity with the same no-op task and the same
 * PostgreSQL: their rate, and the CPU per task of each process. Celery runs from Debian's packages (python3-celery,
 * redis-server) with its default prefork pool, on a Redis of its own; JobRunr OSS in a JVM of its own
 * (bench/peers/jobrunr).
 */
final class Peers implements AutoCloseable {

    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final int REDIS_PORT = Integer.getInteger("bench.redis-port", 6390);
    private static final int CELERY_WARM = 2_000;
    private static final long RUN_TIMEOUT_S = 1_800;

    /**
     * One peer's figures over a run of n tasks: rate, and CPU milliseconds per task of the process that runs the
     * tasks (for JobRunr it enqueues them as well), of the process that sends them (Celery's producer), of the broker
     * (Redis) and of PostgreSQL.
     */
    record Result(double rate, double workerMs, double producerMs, double brokerMs, double dbMs, int warmRounds,
                  Latency latency) {
    }

    /** Enqueue → start of tasks sent by one producer at {@code rate} a second, half the peer's own rate. */
    record Latency(double rate, int n, double p50, double p95, double p99) {

        static Latency of(JsonObject paced) {
            return new Latency(paced.getJsonNumber("rate").doubleValue(), paced.getInt("n"),
                    paced.getJsonNumber("start_p50_ms").doubleValue(), paced.getJsonNumber("start_p95_ms").doubleValue(),
                    paced.getJsonNumber("start_p99_ms").doubleValue());
        }
    }

    /** About 20 seconds at half of {@code rate}. */
    private static double pace(double rate) {
        return Math.max(1, Math.floor(rate / 2));
    }

    private final Path repo;
    private final Path work;
    private Process redis;

    Peers(Path repo) throws IOException {
        this.repo = repo;
        this.work = repo.resolve("bench/target/peers");
        Files.createDirectories(work);
    }

    /** Fails at once, not after Celerity's runs, if a peer asked for is not installed. */
    static void requireInstalled(List<String> peers) throws Exception {
        if (peers.stream().anyMatch(name -> name.startsWith("celery"))
                && (run(List.of(PYTHON, "-c", "import celery, redis, sqlalchemy, psycopg2")) != 0
                || run(List.of("redis-server", "--version")) != 0)) {
            throw new IllegalStateException("Celery is not installed: apt-get install redis-server python3-celery "
                    + "python3-redis python3-sqlalchemy python3-psycopg2 (or -Dbench.peers=jobrunr, or -Dbench.peers=)");
        }
    }

    /** Celery with Redis as broker and {@code celery-redis}: Redis results, or {@code celery-postgres}: PostgreSQL. */
    Result celery(String name, int n) throws Exception {
        boolean postgres = name.equals("celery-postgres");
        startRedis();
        run(List.of("redis-cli", "-p", Integer.toString(REDIS_PORT), "flushall"));
        if (postgres) {
            Database.create("celery_bench");
        }
        Map<String, String> env = Map.of(
                "CELERY_BENCH_BROKER", "redis://127.0.0.1:" + REDIS_PORT + "/0",
                "CELERY_BENCH_BACKEND", postgres ? "db+postgresql://postgres@127.0.0.1:5432/celery_bench"
                        : "redis://127.0.0.1:" + REDIS_PORT + "/1",
                "CELERY_BENCH_STARTED", Boolean.toString(postgres));
        ProcessBuilder worker = new ProcessBuilder(PYTHON, "-m", "celery", "-A", "celery_bench", "worker", "-Q", "bench",
                "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + "-worker.log").toFile()));
        Process running = started(worker, env, name + "-worker");
        try {
            drive(env, name + "-warm", CELERY_WARM, 0); // also waits for the worker to be up
            ProcessCpu.Costed<JsonObject> run = ProcessCpu.costed(running.toHandle(), redis.pid(),
                    () -> drive(env, name, n, 0));
            JsonObject measured = run.value();
            ProcessCpu.Sample used = run.used();
            double rate = measured.getJsonNumber("tasks_per_s").doubleValue();
            // the paced tasks return their start time, which only the Redis backend gives back as it is
            Latency latency = postgres ? null
                    : Latency.of(drive(env, name + "-paced", (int) (pace(rate) * 20), pace(rate)));
            return new Result(rate, used.server() / n, measured.getJsonNumber("cpu_ms").doubleValue() / n,
                    used.broker() / n, used.db() / n, 1, latency);
        } finally {
            stop(running);
        }
    }

    /**
     * JobRunr OSS with {@code workers} workers and its shortest poll interval (5 s), warmed up like Celerity's server
     * (rounds of {@code warmRound} jobs until they stop getting cheaper).
     */
    Result jobrunr(int workers, int n, int warmRound, int warmRoundsMin, int warmRounds) throws Exception {
        Database.create("jobrunr_bench");
        Path peer = repo.resolve("bench/peers/jobrunr/target");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-cp",
                peer.resolve("classes") + ":" + Files.readString(peer.resolve("classpath.txt")).strip(),
                "io.celerity.bench.peer.JobRunrPeer", Database.SERVER + "jobrunr_bench", Integer.toString(workers), "5")
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("jobrunr.log").toFile()));
        Process running = builder.start();
        try (BufferedReader answers = new BufferedReader(new InputStreamReader(running.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter commands = new PrintWriter(running.getOutputStream(), true, StandardCharsets.UTF_8)) {
            if (!"ready".equals(answer(answers))) {
                throw new IllegalStateException("JobRunr did not start; see " + work.resolve("jobrunr.log"));
            }
            Settling settling = new Settling(warmRoundsMin, warmRounds);
            double perTask;
            do {
                int round = settling.rounds() + 1;
                String command = "run warm-" + round + " " + warmRound + " 8";
                perTask = ProcessCpu.costed(running.toHandle(), -1, () -> {
                    commands.println(command);
                    return answer(answers);
                }).used().server() / warmRound;
                System.out.printf(Locale.ROOT, "  warm-up jobrunr, round %d: %.2f ms of CPU per job%n", round, perTask);
            } while (!settling.settled(perTask));
            ProcessCpu.Costed<String> run = ProcessCpu.costed(running.toHandle(), -1, () -> {
                commands.println("run jobrunr " + n + " 8");
                return answer(answers);
            });
            JsonObject measured = Bench.json(run.value());
            ProcessCpu.Sample used = run.used();
            double rate = measured.getJsonNumber("tasks_per_s").doubleValue();
            commands.println("paced jobrunr-paced " + (int) (pace(rate) * 20) + " " + pace(rate));
            Latency latency = Latency.of(Bench.json(answer(answers)));
            return new Result(rate, used.server() / n, 0, 0, used.db() / n, settling.rounds(), latency);
        } finally {
            stop(running);
        }
    }

    private String answer(BufferedReader answers) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(RUN_TIMEOUT_S, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("JobRunr ended; see " + work.resolve("jobrunr.log"));
        }
        return line;
    }

    /** Runs drive.py: n tasks from one producer, until all have succeeded; paced at {@code rate} a second if > 0. */
    private JsonObject drive(Map<String, String> env, String run, int n, double rate) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, "drive.py", run, Integer.toString(n)));
        if (rate > 0) {
            command.add(Double.toString(rate));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Process driver = started(builder, env, "drive");
        String output;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                StandardCharsets.UTF_8))) {
            output = lines.readLine();
        }
        if (!driver.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS) || driver.exitValue() != 0 || output == null) {
            throw new IllegalStateException("drive.py " + run + " failed; see " + work.resolve("drive.log"));
        }
        return Bench.json(output);
    }

    /** Starts a Celery process in bench/peers/celery, its errors appended to bench/target/peers/LOG.log. */
    private Process started(ProcessBuilder builder, Map<String, String> env, String log) throws IOException {
        builder.directory(repo.resolve("bench/peers/celery").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(log + ".log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A Redis of the benchmark's own, without persistence: the most favourable setting for Celery. */
    private void startRedis() throws Exception {
        if (redis != null) {
            return;
        }
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run(List.of("redis-cli", "-p", Integer.toString(REDIS_PORT), "ping")) != 0) {
            if (System.nanoTime() > deadline || !redis.isAlive()) {
                throw new IllegalStateException("Redis did not start; see " + work.resolve("redis.log"));
            }
            Thread.sleep(100);
        }
    }

    private static int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM (Celery's warm shutdown), then SIGKILL for whatever is left after 30 s. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() throws InterruptedException {
        if (redis != null) {
            stop(redis);
        }
    }
}
