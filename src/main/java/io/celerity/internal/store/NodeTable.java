package io.celerity.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The nodes that run workers, in table {@code celerity_node}: each node writes its own row at every heartbeat, and
 * removes it when it stops; a row whose heartbeat is older than a lease belongs to a node that was lost. Rows are
 * keyed by runner, unique per start of an application, so two applications of one server, or two starts of one node,
 * never share a row.
 */
@ApplicationScoped
public class NodeTable {

    private static final String COLUMNS = "name, runner, version, started_at, heartbeat_at, workers";

    /**
     * One node as it last reported itself, instants in epoch milliseconds.
     *
     * @param workers its workers per queue, as a JSON object {@code {"<queue>": {"concurrency": n, "busy": n}}}
     */
    public record NodeRow(String name, String runner, String version, long startedAt, long heartbeatAt,
                          String workers) {
    }

    /** A task running now, as the node list shows it. */
    public record Running(String runner, String id, String taskName, String state, Instant startedAt, int attempt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS celerity_node (runner VARCHAR(240) NOT NULL PRIMARY KEY, "
                + "name VARCHAR(240) NOT NULL, version VARCHAR(40) NOT NULL, started_at BIGINT NOT NULL, "
                + "heartbeat_at BIGINT NOT NULL, workers VARCHAR(100000) NOT NULL)").executeUpdate();
    }

    /** Writes this node's row: its update, or its insert the first time (only this node writes it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void report(NodeRow node) {
        int updated = em.createNativeQuery("UPDATE celerity_node SET name = ?1, version = ?2, started_at = ?3, "
                        + "heartbeat_at = ?4, workers = ?5 WHERE runner = ?6")
                .setParameter(1, node.name()).setParameter(2, node.version()).setParameter(3, node.startedAt())
                .setParameter(4, node.heartbeatAt()).setParameter(5, node.workers()).setParameter(6, node.runner())
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO celerity_node (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, node.name()).setParameter(2, node.runner()).setParameter(3, node.version())
                    .setParameter(4, node.startedAt()).setParameter(5, node.heartbeatAt())
                    .setParameter(6, node.workers())
                    .executeUpdate();
        }
    }

    /** Removes a node's row, when it stops. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remove(String runner) {
        em.createNativeQuery("DELETE FROM celerity_node WHERE runner = ?1").setParameter(1, runner).executeUpdate();
    }

    /** Removes the rows of nodes lost before {@code before} (epoch milliseconds): they are not coming back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forget(long before) {
        return em.createNativeQuery("DELETE FROM celerity_node WHERE heartbeat_at < ?1").setParameter(1, before)
                .executeUpdate();
    }

    /** The tasks running now on any node (started, not ended, not waiting), the longest running first. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Running> running(int max) {
        return em.createQuery("SELECT t.runner, t.id, t.taskName, t.state, t.startedAt, t.attempt FROM "
                        + model.entityName() + " t WHERE t.finishedAt IS NULL AND t.startedAt IS NOT NULL "
                        + "AND t.state NOT IN :waiting ORDER BY t.startedAt", Object[].class)
                .setParameter("waiting", Transitions.WAITING)
                .setMaxResults(max)
                .getResultList().stream()
                .map(row -> new Running((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        ((Date) row[4]).toInstant(), ((Number) row[5]).intValue()))
                .toList();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<NodeRow> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM celerity_node ORDER BY name, runner")
                .getResultList();
        return rows.stream().map(row -> new NodeRow((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), (String) row[5])).toList();
    }
}
