package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes a change of a task row that this node holds a copy of with one statement, without loading the row: the
 * statement writes only while the row is still at the copy's version, so that nothing has changed since the copy was
 * read. It sets the columns a run's outcome sets (state, times, node, history, result, error, eta, max retries) to the
 * copy's values and bumps the version. A named query, registered when this is made and prepared once.
 */
final class OutcomeStatement {

    private final String name;

    OutcomeStatement(EntityManager em, String entityName) {
        name = "celerity.outcome." + entityName;
        em.getEntityManagerFactory().addNamedQuery(name, em.createQuery("UPDATE " + entityName + " t SET "
                + "t.state = :state, t.changedAt = :changedAt, t.node = :node, t.finishedAt = :finishedAt, "
                + "t.history = :history, t.result = :result, t.errorType = :errorType, "
                + "t.errorMessage = :errorMessage, t.errorTrace = :errorTrace, t.eta = :eta, "
                + "t.maxRetries = :maxRetries, t.version = t.version + 1 "
                + "WHERE t.id = :id AND t.version = :version"));
    }

    /**
     * Writes the copy's outcome columns.
     *
     * @param version the version the copy was read at
     * @return whether the row was still at that version and is now written
     */
    boolean write(EntityManager em, TaskMeta changed, long version) {
        return em.createNamedQuery(name)
                .setParameter("state", changed.getState())
                .setParameter("changedAt", timestamp(changed.getChangedAt()))
                .setParameter("node", changed.getNode())
                .setParameter("finishedAt", timestamp(changed.getFinishedAt()))
                .setParameter("history", changed.getHistory())
                .setParameter("result", changed.getResult())
                .setParameter("errorType", changed.getErrorType())
                .setParameter("errorMessage", changed.getErrorMessage())
                .setParameter("errorTrace", changed.getErrorTrace())
                .setParameter("eta", timestamp(changed.getEta()))
                .setParameter("maxRetries", changed.getMaxRetries())
                .setParameter("id", changed.getId())
                .setParameter("version", version)
                .executeUpdate() == 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
