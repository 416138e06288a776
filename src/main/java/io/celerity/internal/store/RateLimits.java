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
     * Reserves the next start slot of a task name, in the caller's transaction, unless it lies beyond the horizon
     * (ten intervals, at least a minute): slots are never handed out far ahead, so slots of tasks that are revoked or
     * expire before their turn hold up nobody for long.
     *
     * @return the slot, or {@code null} when the next free one is beyond the horizon (nothing was reserved)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant reserve(String task, Duration interval, Instant now) {
        List<?> next = em.createNativeQuery("SELECT next_at FROM celerity_rate_limit WHERE task_name = ?1 FOR UPDATE")
                .setParameter(1, task).getResultList();
        if (next.isEmpty()) {
            // a name added since startup; a node that inserts it at the same time makes this start wait and come back
            em.createNativeQuery("INSERT INTO celerity_rate_limit (task_name, next_at) VALUES (?1, ?2)")
                    .setParameter(1, task).setParameter(2, now.toEpochMilli() + Math.max(1, interval.toMillis()))
                    .executeUpdate();
            return now;
        }
        long slot = Math.max(now.toEpochMilli(), ((Number) next.get(0)).longValue());
        if (slot - now.toEpochMilli() > horizon(interval).toMillis()) {
            return null;
        }
        em.createNativeQuery("UPDATE celerity_rate_limit SET next_at = ?1 WHERE task_name = ?2")
                .setParameter(1, slot + Math.max(1, interval.toMillis()))
                .setParameter(2, task).executeUpdate();
        return Instant.ofEpochMilli(slot);
    }

    /** How far ahead slots may be reserved. */
    public static Duration horizon(Duration interval) {
        Duration tenIntervals = interval.multipliedBy(10);
        return tenIntervals.compareTo(Duration.ofMinutes(1)) > 0 ? tenIntervals : Duration.ofMinutes(1);
    }
}
