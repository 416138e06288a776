package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.List;

/**
 * Locks task rows by id with a statement of a few fixed shapes, each a named query that the persistence provider
 * prepares once: an {@code IN} list bound to a collection of varying size is prepared anew at every call, which cost
 * more than the read itself. A list of {@code k} ids is padded to the next shape (1, 2, 4 … 64) by repeating its last
 * id. Every shape is registered when this is made, before any is used.
 */
final class LockedRows {

    /** The largest shape: at most this many ids are locked by one statement. */
    static final int MAX = 64;

    private final String entityName;

    LockedRows(EntityManager em, String entityName) {
        this.entityName = entityName;
        for (int shape = 1; shape <= MAX; shape <<= 1) {
            StringBuilder jpql = new StringBuilder("SELECT t FROM ").append(entityName).append(" t WHERE t.id IN (");
            for (int i = 0; i < shape; i++) {
                jpql.append(i == 0 ? ":i" : ", :i").append(i);
            }
            jpql.append(") ORDER BY t.id");
            em.getEntityManagerFactory().addNamedQuery(name(shape), em.createQuery(jpql.toString(), TaskMeta.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE));
        }
    }

    /** Locks the rows of these ids, distinct and in ascending order, and returns those that exist in id order. */
    List<TaskMeta> lock(EntityManager em, List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX) {
            throw new IllegalArgumentException("between 1 and " + MAX + " ids, not " + ids.size());
        }
        int shape = shape(ids.size());
        TypedQuery<TaskMeta> query = em.createNamedQuery(name(shape), TaskMeta.class);
        for (int i = 0; i < shape; i++) {
            query.setParameter("i" + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return query.getResultList();
    }

    static int shape(int ids) {
        return ids == 1 ? 1 : Integer.highestOneBit(ids - 1) << 1;
    }

    private String name(int shape) {
        return "celerity.lockedRows." + entityName + "." + shape;
    }
}
