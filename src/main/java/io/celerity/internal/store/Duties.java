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
 * Celerity's own periodic duties (the sweep, retention), each run once per interval in the cluster: every node asks
 * at every interval, and the one whose conditional update moves the duty's next time on runs it. Nothing is locked
 * while the duty runs; a node that dies running one leaves it to the next interval.
 */
@ApplicationScoped
public class Duties {

    @PersistenceContext
    EntityManager em;

    /** Creates the table and a row for each duty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare(Collection<String> duties) {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS celerity_duty (name VARCHAR(100) NOT NULL PRIMARY KEY, "
                + "next_at BIGINT NOT NULL, last_node VARCHAR(240), last_at BIGINT)").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> existing = em.createNativeQuery("SELECT name FROM celerity_duty").getResultList();
        Set<String> known = new HashSet<>();
        existing.forEach(name -> known.add(String.valueOf(name)));
        for (String duty : duties) {
            if (!known.contains(duty)) {
                em.createNativeQuery("INSERT INTO celerity_duty (name, next_at) VALUES (?1, 0)")
                        .setParameter(1, duty).executeUpdate();
            }
        }
    }

    /**
     * Claims the duty for this interval when it is due.
     *
     * @return whether this node runs it now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String duty, Instant now, Duration interval, String node) {
        long at = now.toEpochMilli();
        // a tenth of the interval early: nodes that ask a little before the duty is due (their timers drift) still
        // find it due, so it runs every interval rather than every second one
        long next = at + interval.toMillis() - interval.toMillis() / 10;
        return em.createNativeQuery("UPDATE celerity_duty SET next_at = ?1, last_node = ?2, last_at = ?3 "
                        + "WHERE name = ?4 AND next_at <= ?3")
                .setParameter(1, next).setParameter(2, node).setParameter(3, at).setParameter(4, duty)
                .executeUpdate() == 1;
    }
}
