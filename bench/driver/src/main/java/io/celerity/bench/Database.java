package io.celerity.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The benchmark database: created on first use, read for the measured timestamps of each run. */
final class Database {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String NAME = "celerity_bench";
    static final String URL = SERVER + NAME;
    private static final String USER = "postgres";

    private Database() {
    }

    /** A new, empty database: the servers create the task table with the columns of the version measured. */
    static void create() throws SQLException {
        create(NAME);
    }

    /** A new, empty database of that name, on the same PostgreSQL (for the peers). */
    static void create(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    static void truncate() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if to_regclass('bench_task') is not null then truncate table bench_task; "
                    + "end if; end $$");
            s.execute("drop table if exists floor_task");
            s.execute("create table floor_task (id bigint primary key, state varchar(40) not null, version bigint not null)");
        }
    }

    /** Waits until every task of the run has a terminal state. */
    static void awaitTerminal(String run, int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                    "select count(*) from bench_task where owner = ? and state in ('SUCCESS', 'FAILURE')")) {
                s.setString(1, run);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    done = rs.getLong(1);
                }
            }
            if (done >= n) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("run " + run + ": only " + done + " of " + n + " tasks ended in " + timeout);
    }

    /** How many of a run's tasks each node ({@code node-1} …) ran last. */
    static List<Long> tasksPerNode(String run, int nodes) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from bench_task where owner = ? and split_part(runner, '/', 1) = ?")) {
            for (int i = 1; i <= nodes; i++) {
                s.setString(1, run);
                s.setString(2, "node-" + i);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** From the first enqueue to the last terminal row, in seconds. */
    static double span(String run) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from max(finished_at) - min(created_at)) from bench_task where owner = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** From the last member's end to the body's start, in milliseconds, of a chord whose tasks {@code run} owns. */
    static double joinAfterLast(String run) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from (select started_at from bench_task where owner = ? and task_name = "
                        + "'chord-body') - (select max(finished_at) from bench_task where owner = ? and task_name = "
                        + "'member')) * 1000")) {
            s.setString(1, run);
            s.setString(2, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** Percentiles (the nearest rank), in milliseconds, of the time from enqueue to a later column. */
    static Stats latency(String run, String column) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select percentile_disc(array[0.5, 0.95, 0.99]) within group (order by (extract(epoch from "
                        + column + " - created_at) * 1000)::float8) from bench_task where owner = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Double[] p = (Double[]) rs.getArray(1).getArray();
                return new Stats(p[0], p[1], p[2]);
            }
        }
    }

    /** Inserts finished tasks straight into the task table, all of them finished ten days ago. */
    static void fillAged(int rows) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into bench_task (id, task_name, state, version, queue, created_at, changed_at, finished_at,
                                            attempt, max_retries, priority, owner, provider, current, total)
                    select 'aged-' || g, 'noop', 'SUCCESS', 3, 'celerity.tasks', now() - interval '10 days',
                           now() - interval '10 days', now() - interval '10 days', 1, 0, 4, 'aged', g % 100, 100, 100
                    from generate_series(1, ROWS) g
                    """.replace("ROWS", Integer.toString(rows)));
            s.execute("analyze bench_task");
        }
    }

    /** Bytes of write-ahead log PostgreSQL has written so far (all databases). */
    static long walBytes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many rows the task table holds. */
    static long count() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from bench_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many tasks a run (the owner) has. */
    static long count(String run) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from bench_task where owner = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts rows straight into the task table, for the list query: owners, providers and states spread out. */
    static void fill(int rows) throws SQLException {
        fill(1, rows);
    }

    /** Inserts the rows numbered {@code from} to {@code to} (ids and times follow the number) as {@link #fill(int)}. */
    static void fill(long from, long to) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into bench_task (id, task_name, state, version, queue, created_at, changed_at, finished_at,
                                            attempt, max_retries, priority, owner, provider, current, total)
                    select md5(g::text), 'noop',
                           case when g % 10 = 0 then 'REVOKED' when g % 10 = 1 then 'FAILURE' else 'SUCCESS' end,
                           3, 'celerity.tasks',
                           now() - (g || ' seconds')::interval, now(), now(),
                           1, 0, 4, 'owner-' || (g % 1000), g % 100, 100, 100
                    from generate_series(FROM, TO) g
                    """.replace("FROM", Long.toString(from)).replace("TO", Long.toString(to)));
            s.execute("analyze bench_task");
        }
    }
}
