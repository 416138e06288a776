package io.celerity.internal.store;

import io.celerity.internal.metrics.MinuteStat;
import io.celerity.internal.metrics.TimeDistribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Task statistics per minute, in table {@code celerity_stat}: one row per minute, runner and task name, with the
 * tasks started, succeeded, failed and retried, and the run times in the buckets of {@link TimeDistribution} (columns
 * {@code run_b00} to {@code run_b17}) with the longest in microseconds. Each node writes only its own rows, keyed by
 * its runner; a minute written again adds up.
 */
@ApplicationScoped
public class StatTable {

    private static final List<String> BUCKETS = IntStream.range(0, TimeDistribution.BUCKETS)
            .mapToObj(i -> String.format("run_b%02d", i)).toList();
    /** The columns that add up: the four counts, then the run-time buckets. */
    private static final int COUNT_COLUMNS = 4 + BUCKETS.size();
    private static final String COUNTS = IntStream.range(0, COUNT_COLUMNS).mapToObj(StatTable::column)
            .collect(Collectors.joining(", "));
    private static final String ADD = "UPDATE celerity_stat SET "
            + IntStream.range(0, COUNT_COLUMNS).mapToObj(i -> column(i) + " = " + column(i) + " + ?" + (i + 1))
                    .collect(Collectors.joining(", "))
            + ", run_max_us = CASE WHEN run_max_us < ?" + (COUNT_COLUMNS + 1) + " THEN ?" + (COUNT_COLUMNS + 2)
            + " ELSE run_max_us END WHERE minute_at = ?" + (COUNT_COLUMNS + 3) + " AND runner = ?"
            + (COUNT_COLUMNS + 4) + " AND task_name = ?" + (COUNT_COLUMNS + 5);
    private static final String INSERT = "INSERT INTO celerity_stat (" + COUNTS
            + ", run_max_us, minute_at, runner, task_name) VALUES ("
            + IntStream.rangeClosed(1, COUNT_COLUMNS + 4).mapToObj(i -> "?" + i).collect(Collectors.joining(", "))
            + ")";

    /** The tasks of one minute, over every node and task name. */
    public record MinuteCounts(long minuteAt, long started, long succeeded, long failed, long retried) {
    }

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS celerity_stat (minute_at BIGINT NOT NULL, "
                + "runner VARCHAR(240) NOT NULL, task_name VARCHAR(200) NOT NULL, "
                + IntStream.range(0, COUNT_COLUMNS).mapToObj(i -> column(i) + " BIGINT NOT NULL")
                        .collect(Collectors.joining(", "))
                + ", run_max_us BIGINT NOT NULL, PRIMARY KEY (minute_at, runner, task_name))").executeUpdate();
    }

    /** Adds a runner's minutes to its rows, inserting those it has not written yet, all in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(String runner, List<MinuteStat> stats) {
        for (MinuteStat stat : stats) {
            long[] counts = counts(stat);
            long max = stat.runTimes().maxMicros();
            Query update = em.createNativeQuery(ADD);
            bind(update, counts);
            int updated = update.setParameter(COUNT_COLUMNS + 1, max).setParameter(COUNT_COLUMNS + 2, max)
                    .setParameter(COUNT_COLUMNS + 3, stat.minuteAt()).setParameter(COUNT_COLUMNS + 4, runner)
                    .setParameter(COUNT_COLUMNS + 5, stat.task())
                    .executeUpdate();
            if (updated == 0) {
                Query insert = em.createNativeQuery(INSERT);
                bind(insert, counts);
                insert.setParameter(COUNT_COLUMNS + 1, max).setParameter(COUNT_COLUMNS + 2, stat.minuteAt())
                        .setParameter(COUNT_COLUMNS + 3, runner).setParameter(COUNT_COLUMNS + 4, stat.task())
                        .executeUpdate();
            }
        }
    }

    /** Deletes the minutes before {@code minuteAt} (epoch milliseconds), of every node. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBefore(long minuteAt) {
        return em.createNativeQuery("DELETE FROM celerity_stat WHERE minute_at < ?1").setParameter(1, minuteAt)
                .executeUpdate();
    }

    /** The tasks of each minute from {@code from} (inclusive) to {@code to} (exclusive) that has any, oldest first. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<MinuteCounts> minutes(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT minute_at, SUM(started), SUM(succeeded), SUM(failed), "
                        + "SUM(retried) FROM celerity_stat WHERE minute_at >= ?1 AND minute_at < ?2 "
                        + "GROUP BY minute_at ORDER BY minute_at")
                .setParameter(1, from).setParameter(2, to)
                .getResultList();
        return rows.stream().map(row -> new MinuteCounts(number(row[0]), number(row[1]), number(row[2]),
                number(row[3]), number(row[4]))).toList();
    }

    /** The run times per task name of the minutes from {@code from} (inclusive) to {@code to} (exclusive), by name. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<String, TimeDistribution> runTimes(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT task_name, MAX(run_max_us), "
                        + BUCKETS.stream().map(bucket -> "SUM(" + bucket + ")").collect(Collectors.joining(", "))
                        + " FROM celerity_stat WHERE minute_at >= ?1 AND minute_at < ?2 GROUP BY task_name")
                .setParameter(1, from).setParameter(2, to)
                .getResultList();
        Map<String, TimeDistribution> runTimes = new TreeMap<>();
        for (Object[] row : rows) {
            long[] counts = new long[BUCKETS.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = number(row[i + 2]);
            }
            runTimes.put((String) row[0], TimeDistribution.of(counts, number(row[1])));
        }
        return runTimes;
    }

    private static String column(int index) {
        return switch (index) {
            case 0 -> "started";
            case 1 -> "succeeded";
            case 2 -> "failed";
            case 3 -> "retried";
            default -> BUCKETS.get(index - 4);
        };
    }

    private static long[] counts(MinuteStat stat) {
        long[] counts = new long[COUNT_COLUMNS];
        counts[0] = stat.started();
        counts[1] = stat.succeeded();
        counts[2] = stat.failed();
        counts[3] = stat.retried();
        System.arraycopy(stat.runTimes().counts(), 0, counts, 4, BUCKETS.size());
        return counts;
    }

    private static void bind(Query query, long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            query.setParameter(i + 1, counts[i]);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
