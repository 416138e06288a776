package io.celerity.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The waiting tasks of each queue, as the database has them: for health checks and metrics. */
@ApplicationScoped
public class Backlogs {

    /** A queue's waiting tasks (queued, scheduled or to be retried) and the earliest time one of them was due. */
    public record Backlog(String queue, long waiting, Instant oldestDue) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    /** One grouped query over the state index; the database gives up after {@code timeout}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Backlog> waiting(Duration timeout) {
        return em.createQuery("SELECT t.queue, COUNT(t), MIN(COALESCE(t.eta, t.changedAt)) FROM " + model.entityName()
                        + " t WHERE t.state IN :waiting GROUP BY t.queue", Object[].class)
                .setParameter("waiting", Transitions.WAITING)
                // an Integer: Hibernate refuses a Long there
                .setHint("jakarta.persistence.query.timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .getResultList().stream()
                .map(row -> new Backlog((String) row[0], ((Number) row[1]).longValue(), ((Date) row[2]).toInstant()))
                .toList();
    }
}
