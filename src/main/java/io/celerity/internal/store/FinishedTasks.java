package io.celerity.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Deletes finished tasks for retention, a bounded batch per short transaction, so that no lock is held for long. */
@ApplicationScoped
public class FinishedTasks {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    /**
     * Deletes up to {@code limit} tasks that ended in {@code state} before {@code before}: of one task name, or of
     * every name but {@code exceptTasks} when {@code task} is {@code null}.
     *
     * @return how many were deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBatch(String state, Instant before, String task, Collection<String> exceptTasks, int limit) {
        String entity = model.entityName();
        StringBuilder where = new StringBuilder(" WHERE t.state = :state AND t.finishedAt < :before");
        if (task != null) {
            where.append(" AND t.taskName = :task");
        } else if (!exceptTasks.isEmpty()) {
            where.append(" AND t.taskName NOT IN :except");
        }
        TypedQuery<String> select = em.createQuery("SELECT t.id FROM " + entity + " t" + where, String.class)
                .setParameter("state", state).setParameter("before", Timestamp.from(before)).setMaxResults(limit);
        if (task != null) {
            select.setParameter("task", task);
        } else if (!exceptTasks.isEmpty()) {
            select.setParameter("except", exceptTasks);
        }
        List<String> ids = select.getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM " + entity + " t WHERE t.id IN :ids AND t.state = :state")
                .setParameter("ids", ids).setParameter("state", state).executeUpdate();
    }
}
