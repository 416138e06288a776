package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks task rows by id with a statement of a few fixed shapes, each a named query that the persistence provider
 * prepares once: an {@code IN} list bound to a collection of varying size is prepared anew at every call, which cost
 * more than the read itself. A list of {@code k} ids is padded to the next shape (1, 2, 4 … 64) by repeating its last
 * id.
 */
final class LockedRows {

    /** The largest shape: at most this many ids are locked by one statement. */
    static final int MAX = 64;

    /** The names of the shapes registered so far. */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final String entityName;

    LockedRows(String entityName) {
        this.entityName = entityName;
    }

    /** Locks the rows of these ids, distinct and in ascending order, and returns those that exist in id order. */
    List<TaskMeta> lock(EntityManager em, List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX) {
            throw new IllegalArgumentException("between 1 and " + MAX + " ids, not " + ids.size());
        }
        int shape = shape(ids.size());
        TypedQuery<TaskMeta> query = em.createNamedQuery(name(em, shape), TaskMeta.class);
        for (int i = 0; i < shape; i++) {
            query.setParameter("i" + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return query.getResultList();
    }

    static int shape(int ids) {
        return ids == 1 ? 1 : Integer.highestOneBit(ids - 1) << 1;
    }

    private String name(EntityManager em, int shape) {
        // computed once per shape; other callers of the same shape wait until it is registered
        return names.computeIfAbsent(shape, size -> {
            String name = "celerity.lockedRows." + entityName + "." + size;
            StringBuilder jpql = new StringBuilder("SELECT t FROM ").append(entityName).append(" t WHERE t.id IN (");
            for (int i = 0; i < size; i++) {
                jpql.append(i == 0 ? ":i" : ", :i").append(i);
            }
            jpql.append(") ORDER BY t.id");
            em.getEntityManagerFactory().addNamedQuery(name, em.createQuery(jpql.toString(), TaskMeta.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE));
            return name;
        });
    }
}
