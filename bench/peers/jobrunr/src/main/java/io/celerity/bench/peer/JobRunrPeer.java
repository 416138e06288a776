package io.celerity.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * JobRunr OSS with its background job server and PostgreSQL storage, in a process of its own so that its CPU can be
 * measured apart. It reads commands on standard input and answers each with one line:
 * {@code run NAME N CALLERS} enqueues N no-op jobs from CALLERS threads, waits until all have succeeded, and answers
 * {@code {"n":…,"seconds":…,"tasks_per_s":…}}, timed from the first job's creation to the last one's success;
 * {@code paced NAME N RATE} enqueues N jobs from one thread at RATE a second and answers with the percentiles of
 * enqueue → start, {@code {"n":…,"rate":…,"start_p50_ms":…,"start_p95_ms":…,"start_p99_ms":…}}.
 * Arguments: JDBC URL, worker count, poll interval in seconds.
 */
public final class JobRunrPeer {

    private final HikariDataSource database;

    private JobRunrPeer(HikariDataSource database) {
        this.database = database;
    }

    /** When each job of the paced run started its body, in nanoseconds: the jobs run on JobRunr's worker threads. */
    private static volatile AtomicLongArray started = new AtomicLongArray(0);

    /** The job: does nothing, like Celerity's and Celery's no-op task. */
    public static void noop(String run, int index) {
        // nothing
    }

    /** The job of the paced run: notes when its body started. */
    public static void stamp(String run, int index) {
        started.set(index, System.nanoTime());
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(Integer.parseInt(args[1]) + 8);
        HikariDataSource database = new HikariDataSource(config);
        JobRunr.configure()
                .useJsonMapper(new JacksonJsonMapper())
                .useStorageProvider(new PostgresStorageProvider(database))
                .useBackgroundJobServer(usingStandardBackgroundJobServerConfiguration()
                        .andWorkerCount(Integer.parseInt(args[1]))
                        .andPollInterval(Duration.ofSeconds(Integer.parseInt(args[2]))))
                .initialize();
        JobRunrPeer peer = new JobRunrPeer(database);
        System.out.println("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] command = line.strip().split(" ");
            if (command[0].equals("run")) {
                System.out.println(peer.run(command[1], Integer.parseInt(command[2]), Integer.parseInt(command[3])));
            } else if (command[0].equals("paced")) {
                System.out.println(peer.paced(command[1], Integer.parseInt(command[2]),
                        Double.parseDouble(command[3])));
            }
        }
        JobRunr.destroy();
        database.close();
    }

    private String run(String name, int n, int callers) throws Exception {
        update("DELETE FROM jobrunr_jobs");
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int first = caller;
                sent.add(threads.submit(() -> {
                    for (int index = first; index < n; index += callers) {
                        int job = index;
                        BackgroundJob.enqueue(() -> noop(name, job));
                    }
                }));
            }
            for (Future<?> caller : sent) {
                caller.get();
            }
        } finally {
            threads.shutdown();
        }
        while (number("SELECT count(*) FROM jobrunr_jobs WHERE state = 'SUCCEEDED'") < n) {
            Thread.sleep(100);
        }
        double seconds = number("SELECT extract(epoch FROM max(updatedat) - min(createdat)) FROM jobrunr_jobs");
        return String.format(Locale.ROOT, "{\"n\":%d,\"seconds\":%.3f,\"tasks_per_s\":%.1f}", n, seconds, n / seconds);
    }

    /** N jobs enqueued from one thread at RATE a second; percentiles of enqueue → start. */
    private String paced(String name, int n, double rate) throws Exception {
        update("DELETE FROM jobrunr_jobs");
        long[] sent = new long[n];
        started = new AtomicLongArray(n);
        long first = System.nanoTime();
        for (int index = 0; index < n; index++) {
            long due = first + (long) (index * 1e9 / rate);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int job = index;
            sent[index] = System.nanoTime();
            BackgroundJob.enqueue(() -> stamp(name, job));
        }
        while (number("SELECT count(*) FROM jobrunr_jobs WHERE state = 'SUCCEEDED'") < n) {
            Thread.sleep(100);
        }
        double[] waits = new double[n];
        for (int index = 0; index < n; index++) {
            waits[index] = (started.get(index) - sent[index]) / 1e6;
        }
        Arrays.sort(waits);
        return String.format(Locale.ROOT, "{\"n\":%d,\"rate\":%.1f,\"start_p50_ms\":%.2f,\"start_p95_ms\":%.2f,"
                + "\"start_p99_ms\":%.2f}", n, rate, nearestRank(waits, 0.5), nearestRank(waits, 0.95),
                nearestRank(waits, 0.99));
    }

    /** The nearest rank, as the benchmark's other percentiles: the smallest value with that share at or below it. */
    private static double nearestRank(double[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private void update(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private double number(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
