package io.celerity.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rate limits shared by all nodes: one row per rate-limited task name holds the time of its next free start slot.
 * Starting a task reserves the next slot under the row's lock, so nodes never hand out the same slot.
 */
@ApplicationScoped
public class RateLimits {

    @PersistenceContext
    EntityManager em;

    /** Creates the table and a row for each rate-limited task name. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare(Collection<String> tasks) {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS celerity_rate_limit (task_name VARCHAR(200) NOT NULL "
                + "PRIMARY KEY, next_at BIGINT NOT NULL)").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> existing = em.createNativeQuery("SELECT task_name FROM celerity_rate_limit").getResultList();
        Set<String> known = new HashSet<>();
        existing.forEach(name -> known.add(String.valueOf(name)));
        for (String task : tasks) {
            if (!known.contains(task)) {
                em.createNativeQuery("INSERT INTO celerity_rate_limit (task_name, next_at) VALUES (?1, 0)")
                        .setParameter(1, task).executeUpdate();
            }
        }
    }

    /**
     * Reserves the next start slot of a task name, in the caller's transaction.
     *
     * @return when the reserved slot begins: {@code now} or later
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant reserve(String task, Duration interval, Instant now) {
        Object next = em.createNativeQuery("SELECT next_at FROM celerity_rate_limit WHERE task_name = ?1 FOR UPDATE")
                .setParameter(1, task).getSingleResult();
        long slot = Math.max(now.toEpochMilli(), ((Number) next).longValue());
        em.createNativeQuery("UPDATE celerity_rate_limit SET next_at = ?1 WHERE task_name = ?2")
                .setParameter(1, slot + Math.max(1, interval.toMillis()))
                .setParameter(2, task).executeUpdate();
        return Instant.ofEpochMilli(slot);
    }
}
