package io.celerity.internal.store;

import io.celerity.api.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The task table as health checks and metrics ask it: does it answer, and what waits on each queue. */
@ApplicationScoped
public class Backlogs {

    /**
     * The waiting tasks (queued, scheduled or to be retried) of one task on one queue, and the earliest time one of
     * them was due.
     */
    public record Backlog(String queue, String taskName, long waiting, Instant oldestDue) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    /** A look-up by primary key, the cheapest question the task table answers; given up after {@code timeout}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ping(Duration timeout) {
        limit(em.createQuery("SELECT t.id FROM " + model.entityName() + " t WHERE t.id = :id", String.class)
                .setParameter("id", ""), timeout).getResultList();
    }

    /** One grouped query over the waiting tasks (the state index); given up after {@code timeout}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Backlog> waiting(Duration timeout) {
        TypedQuery<Object[]> query = em.createQuery("SELECT t.queue, t.taskName, COUNT(t), "
                        + "MIN(COALESCE(t.eta, t.changedAt)) FROM " + model.entityName() + " t "
                        + "WHERE t.state IN :waiting GROUP BY t.queue, t.taskName", Object[].class)
                .setParameter("waiting", Transitions.WAITING);
        return limit(query, timeout).getResultList().stream()
                .map(row -> new Backlog((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                        ((Date) row[3]).toInstant()))
                .toList();
    }

    /** Tasks of one queue that have not ended, by state (running ones under their own states). */
    public record Unended(String queue, String state, long count) {
    }

    /**
     * The tasks that have not ended, counted by queue and state (the finished-at index); given up after
     * {@code timeout}. Tasks waiting for the workflow tasks they follow (PENDING) are on no queue yet.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Unended> unended(Duration timeout) {
        TypedQuery<Object[]> query = em.createQuery("SELECT t.queue, t.state, COUNT(t) FROM " + model.entityName()
                + " t WHERE t.finishedAt IS NULL AND t.state <> :pending GROUP BY t.queue, t.state", Object[].class)
                .setParameter("pending", TaskState.PENDING);
        return limit(query, timeout).getResultList().stream()
                .map(row -> new Unended((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    private static <Q extends Query> Q limit(Q query, Duration timeout) {
        // an Integer: Hibernate refuses a Long there
        query.setHint("jakarta.persistence.query.timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return query;
    }
}
