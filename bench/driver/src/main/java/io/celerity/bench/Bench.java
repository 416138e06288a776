package io.celerity.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Measures Celerity on the production topology (standalone Artemis, PostgreSQL, Payara Micro) against the floor, and
 * prints one {@code bench ...} line per figure. Settings are system properties: bench.concurrency (1,2,4,8,16),
 * bench.n (10000), bench.large (100000), bench.large-rounds (1), bench.list-rows (1000000), bench.retention-rows (1000000),
 * bench.broker-port (61616), bench.server (payara; wildfly, or payara,wildfly for both side by side),
 * bench.chord-members (1000, 0 for none), bench.chord-rounds (5), bench.chord-large (10000, 0 for none),
 * bench.peers (celery-redis,celery-postgres,jobrunr; empty for none).
 */
public final class Bench {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private static final int WARM_ROUND = Integer.getInteger("bench.warm-round", 5_000);
    private static final int WARM_ROUNDS_MIN = Integer.getInteger("bench.warm-rounds-min", 5);
    private static final int WARM_ROUNDS = Integer.getInteger("bench.warm-rounds", 12);

    private final Path repo;
    private final Path app;
    private final Path results;
    private final int brokerPort = Integer.getInteger("bench.broker-port", 61616);
    private final List<String> lines = new ArrayList<>();
    /** The server that {@link #start} starts: payara or wildfly. */
    private String server = "payara";

    private Bench(Path repo) {
        this.repo = repo;
        this.app = repo.resolve("bench/app");
        this.results = repo.resolve("bench/results");
    }

    public static void main(String[] args) throws Exception {
        new Bench(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize()).run();
    }

    private void run() throws Exception {
        List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,2,4,8,16").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int n = Integer.getInteger("bench.n", 10_000);
        int large = Integer.getInteger("bench.large", 100_000);
        int listRows = Integer.getInteger("bench.list-rows", 1_000_000);
        int retentionRows = Integer.getInteger("bench.retention-rows", 1_000_000);
        int tableRows = Integer.getInteger("bench.table-rows", 10_000_000);
        List<String> peers = Arrays.stream(System.getProperty("bench.peers", "celery-redis,celery-postgres,jobrunr")
                .split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        Peers.requireInstalled(peers);
        Files.createDirectories(results);
        Database.create();
        emit("setup commit=%s enqueue=%s journal=%s cores=%d", System.getProperty("bench.commit", "unknown"),
                System.getProperty("bench.enqueue", "default"),
                System.getenv().getOrDefault("CELERITY_BROKER_JOURNAL", "NIO"),
                Runtime.getRuntime().availableProcessors());

        // the first server is measured in full; the others side by side with it, for throughput and latency
        List<String> servers = Arrays.stream(System.getProperty("bench.server", "payara").split(","))
                .map(String::strip).toList();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        List<Double> floor = new ArrayList<>();
        long broker = ProcessCpu.brokerPid(repo.resolve("bench/target/artemis/instance"));
        for (int concurrency : concurrencies) {
            ProcessCpu.Costed<Double> floorRun = ProcessCpu.costed(null, broker,
                    () -> Floor.run("tcp://127.0.0.1:" + brokerPort, n, concurrency));
            double floorRate = floorRun.value();
            ProcessCpu.Sample floorCpu = floorRun.used();
            floor.add(floorRate);
            for (String name : servers) {
                server = name;
                double rate;
                try (Server running = start(concurrency)) {
                    Database.truncate();
                    warmUp(List.of(running), "warm-" + concurrency, concurrency, broker);
                    ProcessCpu.Costed<Double> run = ProcessCpu.costed(running.handle(), broker,
                            () -> measureThroughput(running, "tp-" + concurrency, "noop", n, concurrency, true));
                    rate = run.value();
                    ProcessCpu.Sample used = run.used();
                    emit("cpu n=%d concurrency=%d server_ms_per_task=%.2f broker_ms_per_task=%.2f db_ms_per_task=%.2f "
                                    + "floor_ms_per_task=%.2f server=%s", n, concurrency, used.server() / n,
                            used.broker() / n, used.db() / n,
                            (floorCpu.driver() + floorCpu.broker() + floorCpu.db()) / n, name);
                }
                rates.computeIfAbsent(name, key -> new ArrayList<>()).add(rate);
                emit("throughput n=%d concurrency=%d celerity_tasks_per_s=%.0f floor_tasks_per_s=%.0f ratio=%.2f "
                        + "server=%s", n, concurrency, rate, floorRate, rate / floorRate, name);
            }
        }
        for (String name : servers.subList(1, servers.size())) {
            server = name;
            List<Double> own = rates.get(name);
            double ownPeak = own.stream().max(Double::compare).orElseThrow();
            int ownBest = concurrencies.get(own.indexOf(ownPeak));
            try (Server running = start(ownBest)) {
                Database.truncate();
                warmUp(List.of(running), "warm-" + ownBest, ownBest, broker);
                measureLatency(running, ownBest, Math.max(1, Math.floor(ownPeak / 2)), name);
            }
        }
        server = servers.get(0);
        List<Double> celerity = rates.get(server);
        int best = concurrencies.get(celerity.indexOf(celerity.stream().max(Double::compare).orElseThrow()));
        double peak = celerity.stream().max(Double::compare).orElseThrow();
        Charts.throughput(results.resolve("throughput.png"), concurrencies, celerity, floor);
        measurePeers(peers, n, best, peak);

        try (Server server = start(best)) {
            Database.truncate();
            // a fresh server is several times slower until its code is compiled: the figures below are steady state
            int warm = warmUp(List.of(server), "warm-" + best, best, broker);
            emitMemory(warm, server, broker);
            int done = warm;
            for (int round = 1; large > 0 && round <= Integer.getInteger("bench.large-rounds", 1); round++) {
                double rate = measureThroughput(server, "large-" + round, "noop", large, best, false);
                emit("throughput n=%d concurrency=%d celerity_tasks_per_s=%.0f", large, best, rate);
                done += large;
                emitMemory(done, server, broker);
            }
            double paced = Math.max(1, Math.floor(peak / 2));
            measureLatency(server, best, paced, this.server);

            for (int callers : new int[]{1, 8}) {
                JsonObject enqueued = json(server.enqueue("caller-" + callers, "task=noop&n=" + 500 * callers
                        + "&callers=" + callers));
                emit("enqueue callers=%d p50_ms=%.2f p99_ms=%.2f", callers, enqueued.getJsonNumber("p50Ms").doubleValue(),
                        enqueued.getJsonNumber("p99Ms").doubleValue());
                Database.awaitTerminal("caller-" + callers, 500 * callers, RUN_TIMEOUT);
            }
            int progressN = Math.max(500, n / 5);
            // the same number of no-op tasks on the same warm server first: what the updates add is the difference
            double noopServerMs = ProcessCpu.costed(server.handle(), broker,
                    () -> measureThroughput(server, "progress-noop", "noop", progressN, best, false))
                    .used().server() / progressN;
            ProcessCpu.Costed<Double> progressRun = ProcessCpu.costed(server.handle(), broker,
                    () -> measureThroughput(server, "progress", "progress", progressN, best, false));
            double progress = progressRun.value();
            double progressServerMs = progressRun.used().server() / progressN;
            Stats progressDone = Database.latency("progress", "finished_at");
            emit("progress updates=10 n=%d concurrency=%d celerity_tasks_per_s=%.0f done_p50_ms=%.1f done_p99_ms=%.1f",
                    progressN, best, progress, progressDone.p50(), progressDone.p99());
            emit("progress_cpu n=%d concurrency=%d server_ms_per_task=%.2f noop_server_ms_per_task=%.2f "
                            + "server_ms_per_update=%.3f", progressN, best, progressServerMs, noopServerMs,
                    (progressServerMs - noopServerMs) / 10);

            measureChords(server, Integer.getInteger("bench.chord-members", 1_000),
                    Integer.getInteger("bench.chord-rounds", 5));
            measureChords(server, Integer.getInteger("bench.chord-large", 10_000), 1);

            Database.fill(listRows);
            measureList(server, listRows);
            measureApiList(server, listRows);
            measureDashboard(server, listRows);
            if (tableRows > listRows) {
                measureLargeTable(server, best, n, listRows, tableRows, broker);
            }
        }
        if (retentionRows > 0) {
            measureRetention(best, retentionRows, Math.max(1, Math.floor(peak / 2)));
        }
        for (String nodes : System.getProperty("bench.nodes", "1,2,3").split(",")) {
            if (!nodes.isBlank() && Integer.parseInt(nodes.strip()) > 0) {
                measureScaleOut(Integer.parseInt(nodes.strip()), best, n, broker);
            }
        }
        printTable(concurrencies, celerity, floor);
        Path report = results.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Files.write(report, lines);
        System.out.println("\nResults: " + report + ", charts: " + results.resolve("throughput.png") + ", "
                + results.resolve("latency.png"));
    }

    /** Celery and JobRunr with the same no-op task, after Celerity's throughput runs, in the same run. */
    private void measurePeers(List<String> peers, int n, int best, double peak) throws Exception {
        if (peers.isEmpty()) {
            return;
        }
        try (Peers running = new Peers(repo)) {
            for (String name : peers) {
                System.out.println("Peer " + name);
                Peers.Result result = switch (name) {
                    case "celery-redis", "celery-postgres" -> running.celery(name, n);
                    case "jobrunr" -> running.jobrunr(8 * Runtime.getRuntime().availableProcessors(), n, WARM_ROUND,
                            WARM_ROUNDS_MIN, WARM_ROUNDS);
                    default -> throw new IllegalArgumentException("bench.peers: no peer named " + name);
                };
                emit("peer name=%s n=%d tasks_per_s=%.0f worker_ms_per_task=%.2f producer_ms_per_task=%.2f "
                                + "broker_ms_per_task=%.2f db_ms_per_task=%.2f warm_rounds=%d celerity_tasks_per_s=%.0f "
                                + "celerity_concurrency=%d", name, n, result.rate(), result.workerMs(),
                        result.producerMs(), result.brokerMs(), result.dbMs(), result.warmRounds(), peak, best);
                if (result.latency() != null) {
                    Peers.Latency latency = result.latency();
                    emit("peer_latency name=%s rate=%.0f n=%d start_p50_ms=%.1f start_p95_ms=%.1f start_p99_ms=%.1f",
                            name, latency.rate(), latency.n(), latency.p50(), latency.p95(), latency.p99());
                }
            }
        }
    }

    /** AsyncTask's list query (JPQL) in the server, over the {@code rows} the table holds. */
    private void measureList(Server server, long rows) throws Exception {
        JsonObject list = json(server.get("list?owner=owner-7&provider=7&samples=100"));
        emit("list rows=%d p50_ms=%.2f p99_ms=%.2f page=%d", rows, list.getJsonNumber("p50Ms").doubleValue(),
                list.getJsonNumber("p99Ms").doubleValue(), list.getInt("rows"));
    }

    /** Resident memory of the server and the broker once the server has run {@code tasks} tasks. */
    private void emitMemory(int tasks, Server server, long broker) throws java.io.IOException {
        emit("memory n=%d server_rss_mib=%d broker_rss_mib=%d", tasks, ProcessCpu.residentMib(server.handle()),
                ProcessCpu.residentMib(ProcessHandle.of(broker).orElseThrow()));
    }

    /**
     * Whether a task costs more when the table is large: no-op tasks with {@code rows} finished rows in the table, then
     * again once it holds {@code tableRows}, on the same warm server; and the list query over all of them.
     */
    private void measureLargeTable(Server server, int concurrency, int n, int rows, int tableRows, long broker)
            throws Exception {
        long rowsBefore = Database.count();
        ProcessCpu.Costed<Double> smallRun = ProcessCpu.costed(server.handle(), broker,
                () -> measureThroughput(server, "table-small", "noop", n, concurrency, false));
        double before = smallRun.value();
        ProcessCpu.Sample small = smallRun.used();
        long seeding = System.nanoTime();
        Database.fill(rows + 1L, tableRows);
        double seeded = (System.nanoTime() - seeding) / 1e9;
        long rowsAfter = Database.count();
        ProcessCpu.Costed<Double> largeRun = ProcessCpu.costed(server.handle(), broker,
                () -> measureThroughput(server, "table-large", "noop", n, concurrency, false));
        double after = largeRun.value();
        ProcessCpu.Sample large = largeRun.used();
        emit("table rows_before=%d rows_after=%d n=%d concurrency=%d celerity_tasks_per_s_before=%.0f "
                        + "celerity_tasks_per_s_after=%.0f server_ms_per_task_before=%.2f server_ms_per_task_after=%.2f "
                        + "db_ms_per_task_before=%.2f db_ms_per_task_after=%.2f seed_s=%.0f", rowsBefore, rowsAfter,
                n, concurrency, before, after, small.server() / n, large.server() / n,
                small.db() / n, large.db() / n, seeded);
        long rowsNow = Database.count();
        measureList(server, rowsNow);
        measureApiList(server, (int) rowsNow);
    }

    /**
     * {@code nodes} Payara Micro nodes on the one broker and database, each with the worker concurrency
     * {@code concurrency}: the callers (8 in all) are spread over the nodes, every node takes tasks from the one queue.
     * The cores are shared, so the CPU per task of each node is the figure to read, beside the rate.
     */
    private void measureScaleOut(int nodes, int concurrency, int n, long broker) throws Exception {
        List<Server> running = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                running.add(Server.start(repo, app, concurrency, brokerPort,
                        results.resolve("payara-scale-" + nodes + "-node-" + i + ".log"), List.of(), "node-" + i,
                        Server.PORT + i - 1));
            }
            Database.truncate();
            warmUp(running, "scale-warm-" + nodes, concurrency, broker);
            List<ProcessCpu.Sample> starts = new ArrayList<>();
            for (Server node : running) {
                starts.add(ProcessCpu.sample(node.handle(), broker));
            }
            String run = "scale-" + nodes;
            long wal = Database.walBytes();
            enqueueOnEvery(running, run, n);
            double walKib = (Database.walBytes() - wal) / 1024.0 / n;
            double rate = n / Database.span(run);
            List<Long> ran = Database.tasksPerNode(run, nodes);
            List<String> perNode = new ArrayList<>();
            double server = 0;
            ProcessCpu.Sample used = null;
            for (int i = 0; i < nodes; i++) {
                used = ProcessCpu.sample(running.get(i).handle(), broker).minus(starts.get(i));
                server += used.server();
                perNode.add(String.format(Locale.ROOT, "%.2f", used.server() / Math.max(1, ran.get(i))));
            }
            emit("scale nodes=%d concurrency=%d n=%d celerity_tasks_per_s=%.0f server_ms_per_task=%.2f "
                            + "node_server_ms_per_task=%s broker_ms_per_task=%.2f db_ms_per_task=%.2f "
                            + "db_wal_kib_per_task=%.1f node_tasks=%s",
                    nodes, concurrency, n, rate, server / n, String.join("/", perNode), used.broker() / n,
                    used.db() / n, walKib, ran.stream().map(String::valueOf).collect(Collectors.joining("/")));
        } finally {
            for (Server node : running) {
                node.close();
            }
        }
    }

    /**
     * Runs rounds of no-op tasks ({@link #WARM_ROUND} per node): at least {@link #WARM_ROUNDS_MIN}, then until two
     * rounds in a row do not lower the servers' CPU per task by more than a tenth below the best round, at most
     * {@link #WARM_ROUNDS}. A fresh server compiles its code for minutes, and that compiling costs several times the
     * CPU of the tasks themselves (2026-12-06: 4.4 ms per task in the first 5 000, 1.3 to 1.5 after 20 000; one round
     * can look settled when it is not). Returns the tasks it ran.
     */
    private int warmUp(List<Server> nodes, String run, int concurrency, long broker) throws Exception {
        Settling settling = new Settling(WARM_ROUNDS_MIN, WARM_ROUNDS);
        double first = 0;
        double perTask;
        int tasks = WARM_ROUND * nodes.size();
        do {
            int round = settling.rounds() + 1;
            List<ProcessCpu.Sample> starts = new ArrayList<>();
            for (Server node : nodes) {
                starts.add(ProcessCpu.sample(node.handle(), broker));
            }
            enqueueOnEvery(nodes, run + "-" + round, tasks);
            double server = 0;
            for (int i = 0; i < nodes.size(); i++) {
                server += ProcessCpu.sample(nodes.get(i).handle(), broker).minus(starts.get(i)).server();
            }
            perTask = server / tasks;
            System.out.printf(Locale.ROOT, "  warm-up %s, round %d: %.2f ms of server CPU per task%n", run, round,
                    perTask);
            if (round == 1) {
                first = perTask;
            }
        } while (!settling.settled(perTask));
        int rounds = settling.rounds();
        emit("warmup run=%s nodes=%d concurrency=%d rounds=%d tasks=%d first_server_ms_per_task=%.2f "
                + "last_server_ms_per_task=%.2f", run, nodes.size(), concurrency, rounds, rounds * tasks, first, perTask);
        return rounds * tasks;
    }

    /** Enqueues {@code n} no-op tasks, an equal share through each node, and waits until all have ended. */
    private void enqueueOnEvery(List<Server> nodes, String run, int n) throws Exception {
        int callers = Math.max(1, 8 / nodes.size());
        List<Future<String>> enqueues = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            for (int i = 0; i < nodes.size(); i++) {
                Server node = nodes.get(i);
                int share = n / nodes.size() + (i < n % nodes.size() ? 1 : 0);
                enqueues.add(pool.submit(() -> node.enqueue(run + "-" + node.port(), "task=noop&n=" + share
                        + "&callers=" + callers + "&owner=" + run)));
            }
            for (Future<String> enqueue : enqueues) {
                enqueue.get();
            }
        } finally {
            pool.shutdown();
        }
        Database.awaitTerminal(run, n, RUN_TIMEOUT);
    }

    /**
     * Chords of {@code members} no-op members and a body, one after another: how long starting one takes (every row in
     * one transaction), and how long after the last member's end the body starts (the join).
     */
    private void measureChords(Server server, int members, int rounds) throws Exception {
        if (members <= 0) {
            return;
        }
        double[] enqueue = new double[rounds];
        double[] join = new double[rounds];
        double[] total = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            String run = "chord-" + members + "-" + round;
            long begin = System.nanoTime();
            enqueue[round] = json(server.post("chord?members=" + members + "&run=" + run))
                    .getJsonNumber("enqueueMs").doubleValue();
            Database.awaitTerminal(run, members + 1, RUN_TIMEOUT);
            total[round] = (System.nanoTime() - begin) / 1e9;
            join[round] = Database.joinAfterLast(run);
        }
        Arrays.sort(enqueue);
        Arrays.sort(join);
        Arrays.sort(total);
        emit("chord members=%d rounds=%d enqueue_ms=%.0f join_after_last_ms_p50=%.1f join_after_last_ms_max=%.1f "
                        + "total_s=%.1f", members, rounds, enqueue[rounds / 2], join[rounds / 2], join[rounds - 1],
                total[rounds / 2]);
    }

    /** Enqueue → start and → terminal at a paced rate, 4 callers for about 20 s; the chart for the first server. */
    private void measureLatency(Server server, int concurrency, double paced, String name) throws Exception {
        int pacedN = (int) Math.min(20_000, Math.max(500, paced * 20));
        server.enqueue("paced", "task=noop&callers=4&n=" + pacedN + "&rate=" + paced);
        Database.awaitTerminal("paced", pacedN, RUN_TIMEOUT);
        Stats start = Database.latency("paced", "started_at");
        Stats done = Database.latency("paced", "finished_at");
        emit("latency rate=%.0f n=%d concurrency=%d start_p50_ms=%.1f start_p95_ms=%.1f start_p99_ms=%.1f "
                        + "done_p50_ms=%.1f done_p95_ms=%.1f done_p99_ms=%.1f server=%s", paced, pacedN, concurrency,
                start.p50(), start.p95(), start.p99(), done.p50(), done.p95(), done.p99(), name);
        if (name.equals(System.getProperty("bench.server", "payara").split(",")[0].strip())) {
            Charts.latency(results.resolve("latency.png"), paced, start, done);
        }
    }

    /**
     * Retention of {@code rows} tasks that ended ten days ago (celerity.retention.success=1d, checked every second),
     * while tasks arrive at {@code rate}: how fast the rows go, and what the workers' start latency is meanwhile.
     */
    private void measureRetention(int concurrency, int rows, double rate) throws Exception {
        try (Server server = start(concurrency, List.of("-Dcelerity.retention.success=1d",
                "-Dcelerity.retention.interval=1s"))) {
            Database.truncate();
            measureThroughput(server, "warm-retention", "noop", 2_000, concurrency, false);
            int n = (int) Math.min(20_000, Math.max(500, rate * 20));
            Database.fillAged(rows);
            long begin = System.nanoTime();
            Thread paced = new Thread(() -> {
                try {
                    server.enqueue("during-retention", "task=noop&callers=4&n=" + n + "&rate=" + rate);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "paced-during-retention");
            paced.start();
            long deadline = begin + RUN_TIMEOUT.toNanos();
            while (Database.count("aged") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("retention did not delete " + rows + " rows in " + RUN_TIMEOUT);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            paced.join();
            Database.awaitTerminal("during-retention", n, RUN_TIMEOUT);
            Stats start = Database.latency("during-retention", "started_at");
            emit("retention rows=%d seconds=%.1f deleted_per_s=%.0f worker_start_rate=%.0f worker_start_p50_ms_during=%.1f "
                    + "worker_start_p99_ms_during=%.1f", rows, seconds, rows / seconds, rate, start.p50(), start.p99());
        }
    }

    private void printTable(List<Integer> concurrencies, List<Double> celerity, List<Double> floor) {
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%-12s %18s %15s %7s", "concurrency", "Celerity tasks/s", "floor tasks/s",
                "ratio"));
        for (int i = 0; i < concurrencies.size(); i++) {
            lines.add(String.format(Locale.ROOT, "%-12d %18.0f %15.0f %7.2f", concurrencies.get(i), celerity.get(i),
                    floor.get(i), celerity.get(i) / floor.get(i)));
        }
        System.out.println();
        lines.stream().skip(lines.indexOf("") + 1L).forEach(System.out::println);
    }

    private Server start(int concurrency) throws Exception {
        return start(concurrency, List.of());
    }

    private Server start(int concurrency, List<String> options) throws Exception {
        Path log = results.resolve(server + "-" + concurrency + ".log");
        return server.equals("wildfly") ? WildFly.start(repo, app, concurrency, brokerPort, log, options)
                : Server.start(repo, app, concurrency, brokerPort, log, options);
    }

    /**
     * The same list through Celerity's REST API, as owner-7 over HTTP: authentication, the owner narrowing, the page
     * and its total count, JSON; measured at the client.
     */
    private void measureApiList(Server server, int listRows) throws Exception {
        String path = "tasks?provider=7&state.not=REVOKED&size=50";
        for (int i = 0; i < 20; i++) {
            server.getApi("owner-7", path);
        }
        double[] durations = new double[100];
        JsonObject page = null;
        for (int i = 0; i < durations.length; i++) {
            long begin = System.nanoTime();
            page = json(server.getApi("owner-7", path));
            durations[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(durations);
        emit("list_api rows=%d p50_ms=%.2f p99_ms=%.2f page=%d total=%d", listRows, durations[49], durations[98],
                page.getJsonArray("tasks").size(), page.getJsonNumber("total").longValue());
    }

    /**
     * The dashboard's first page as an admin opens it over every row: the requests its task list makes at once (the
     * newest 25 tasks with the total, and the counts per state), as a browser sends them to one host, timed from the
     * first request to the last answer. The page's own files and its drawing of 25 rows are left out.
     */
    private void measureDashboard(Server server, int listRows) throws Exception {
        List<String> paths = List.of("tasks?sort=-createdAt&page=0&size=25", "task-counts?sort=-createdAt&page=0&size=25");
        ExecutorService browser = Executors.newFixedThreadPool(6);
        try {
            double[] durations = new double[23];
            for (int i = -3; i < durations.length; i++) {
                long begin = System.nanoTime();
                List<Future<String>> answers = new ArrayList<>();
                for (String path : paths) {
                    answers.add(browser.submit(() -> server.getApi("bench-admin", path)));
                }
                for (Future<String> answer : answers) {
                    answer.get();
                }
                if (i >= 0) {
                    durations[i] = (System.nanoTime() - begin) / 1e6;
                }
            }
            Arrays.sort(durations);
            emit("dashboard rows=%d first_page_ms=%.1f p90_ms=%.1f requests=%d", listRows,
                    durations[durations.length / 2], durations[(int) (durations.length * 0.9)], paths.size());
        } finally {
            browser.shutdownNow();
        }
    }

    /** Enqueues n tasks from 8 callers and returns tasks per second from the first enqueue to the last terminal row. */
    private double measureThroughput(Server server, String run, String task, int n, int concurrency, boolean report)
            throws Exception {
        JsonObject enqueued = json(server.enqueue(run, "task=" + task + "&n=" + n + "&callers=8"));
        Database.awaitTerminal(run, n, RUN_TIMEOUT);
        double rate = n / Database.span(run);
        if (report) {
            System.out.printf(Locale.ROOT, "  concurrency %d: %.0f tasks/s (enqueue p50 %.2f ms, p99 %.2f ms)%n",
                    concurrency, rate, enqueued.getJsonNumber("p50Ms").doubleValue(),
                    enqueued.getJsonNumber("p99Ms").doubleValue());
        }
        return rate;
    }

    private void emit(String format, Object... args) {
        String line = "bench " + String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
