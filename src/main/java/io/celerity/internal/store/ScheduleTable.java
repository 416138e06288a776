package io.celerity.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The schedules, in table {@code celerity_schedule} of the application's database. A tick is claimed by a
 * conditional update on the row's version in the transaction that enqueues its run, so of two nodes that see the
 * same tick due, exactly one enqueues it, and a node that dies before its commit leaves the tick to the others.
 */
@ApplicationScoped
public class ScheduleTable {

    private static final String COLUMNS = "name, task_name, cron, every_ms, at_ms, zone, arguments, fields, "
            + "priority, expires_ms, missed, enabled, declared, next_run_at, last_run_at, last_task_id, run_count, "
            + "version";

    /**
     * How long a claim waits for the row's lock: a node that holds it and hangs (a network cut, a transaction left
     * prepared) delays that schedule, never every schedule behind it in every node's poll.
     */
    private static final int CLAIM_TIMEOUT_MILLIS = 5_000;

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS celerity_schedule (name VARCHAR(200) NOT NULL PRIMARY KEY, "
                + "task_name VARCHAR(200) NOT NULL, cron VARCHAR(200), every_ms BIGINT, at_ms BIGINT, "
                + "zone VARCHAR(100) NOT NULL, arguments VARCHAR(100000) NOT NULL, fields VARCHAR(100000) NOT NULL, "
                + "priority INTEGER, expires_ms BIGINT, missed VARCHAR(20) NOT NULL, enabled BOOLEAN NOT NULL, "
                + "declared BOOLEAN NOT NULL, next_run_at BIGINT, last_run_at BIGINT, last_task_id VARCHAR(36), "
                + "run_count BIGINT NOT NULL, version BIGINT NOT NULL)").executeUpdate();
        em.createNativeQuery("CREATE INDEX IF NOT EXISTS celerity_schedule_next ON celerity_schedule (next_run_at)")
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ScheduleRow> find(String name) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM celerity_schedule WHERE name = ?1")
                .setParameter(1, name)).stream().findFirst();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<ScheduleRow> list() {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM celerity_schedule ORDER BY name"));
    }

    /**
     * Enabled schedules of these tasks due at {@code now}, the longest due first: a node looks only for the tasks it
     * has, so that schedules of tasks it lacks (another version of the application) never crowd out its own.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<ScheduleRow> due(long now, int limit, Collection<String> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM celerity_schedule WHERE next_run_at <= ?1 "
                + "AND enabled = TRUE AND task_name IN (");
        List<String> names = List.copyOf(tasks);
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 2);
        }
        Query query = em.createNativeQuery(sql.append(") ORDER BY next_run_at").toString()).setParameter(1, now);
        for (int i = 0; i < names.size(); i++) {
            query.setParameter(i + 2, names.get(i));
        }
        return rows(query.setMaxResults(limit));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(ScheduleRow row) {
        Statement insert = new Statement("INSERT INTO celerity_schedule (" + COLUMNS + ") VALUES (");
        insert.values(row.name(), row.taskName(), row.cron(), row.everyMillis(), row.atMillis(), row.zone(),
                row.arguments(), row.fields(), row.priority(), row.expiresMillis(), row.missed(), row.enabled(),
                row.declared(), row.nextRunAt(), row.lastRunAt(), row.lastTaskId(), row.runCount(),
                // not 0: a node that read a deleted schedule of the same name cannot claim the new one's tick
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
        insert.run(em, ")");
    }

    /**
     * Replaces a schedule's definition, whether it is enabled and when it runs next; its counts stay.
     *
     * @return whether there was such a schedule
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replace(ScheduleRow row) {
        Statement update = new Statement("UPDATE celerity_schedule SET version = version + 1");
        update.set("task_name", row.taskName()).set("cron", row.cron()).set("every_ms", row.everyMillis())
                .set("at_ms", row.atMillis()).set("zone", row.zone()).set("arguments", row.arguments())
                .set("fields", row.fields()).set("priority", row.priority()).set("expires_ms", row.expiresMillis())
                .set("missed", row.missed()).set("enabled", row.enabled()).set("declared", row.declared())
                .set("next_run_at", row.nextRunAt());
        return update.run(em, " WHERE name = ?" + update.next(row.name())) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(String name) {
        return em.createNativeQuery("DELETE FROM celerity_schedule WHERE name = ?1").setParameter(1, name)
                .executeUpdate() == 1;
    }

    /**
     * Claims the tick a node read in {@code seen}: moves the schedule on to {@code next} ({@code null}: never again)
     * and, when {@code run} is given, records it as the last run; in the caller's transaction.
     *
     * @return whether this transaction claimed it ({@code false}: another node did, or the schedule changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(ScheduleRow seen, Long next, Run run) {
        Statement update = new Statement("UPDATE celerity_schedule SET version = version + 1");
        update.set("next_run_at", next);
        if (run != null) {
            update.set("last_run_at", run.tick()).set("last_task_id", run.taskId());
            update.sql.append(", run_count = run_count + 1");
        }
        update.timeout = CLAIM_TIMEOUT_MILLIS;
        return update.run(em, " WHERE name = ?" + update.next(seen.name()) + " AND version = ?"
                + update.next(seen.version())) == 1;
    }

    /** Records a run outside the ticks ("run now"), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRun(String name, Run run) {
        em.createNativeQuery("UPDATE celerity_schedule SET version = version + 1, run_count = run_count + 1, "
                        + "last_run_at = ?1, last_task_id = ?2 WHERE name = ?3")
                .setParameter(1, run.tick()).setParameter(2, run.taskId()).setParameter(3, name).executeUpdate();
    }

    /** A run of a schedule: the tick it belongs to (epoch milliseconds) and its task. */
    public record Run(long tick, String taskId) {
    }

    private static List<ScheduleRow> rows(Query query) {
        List<ScheduleRow> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] c = (Object[]) result;
            rows.add(new ScheduleRow((String) c[0], (String) c[1], (String) c[2], longOrNull(c[3]), longOrNull(c[4]),
                    (String) c[5], (String) c[6], (String) c[7], c[8] == null ? null : ((Number) c[8]).intValue(),
                    longOrNull(c[9]), (String) c[10], bool(c[11]), bool(c[12]), longOrNull(c[13]), longOrNull(c[14]),
                    (String) c[15], ((Number) c[16]).longValue(), ((Number) c[17]).longValue()));
        }
        return rows;
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /**
     * A native statement whose {@code null} values are written as SQL {@code NULL}: a bound {@code null} has no type,
     * which some drivers refuse for numeric columns.
     */
    private static final class Statement {

        private final StringBuilder sql;
        private final List<Object> parameters = new ArrayList<>();
        private Integer timeout;

        Statement(String start) {
            sql = new StringBuilder(start);
        }

        Statement set(String column, Object value) {
            sql.append(", ").append(column).append(" = ").append(value == null ? "NULL" : "?" + next(value));
            return this;
        }

        void values(Object... values) {
            for (int i = 0; i < values.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(values[i] == null ? "NULL" : "?" + next(values[i]));
            }
        }

        /** Adds a parameter; returns its position. */
        int next(Object value) {
            parameters.add(value);
            return parameters.size();
        }

        int run(EntityManager em, String end) {
            Query query = em.createNativeQuery(sql + end);
            if (timeout != null) {
                query.setHint("jakarta.persistence.query.timeout", timeout);
            }
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.executeUpdate();
        }
    }
}
