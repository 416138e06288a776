package io.celerity.internal.store;

import io.celerity.internal.message.WorkerMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits shared by all nodes: one row per rate-limited task name holds the time of its next free start slot.
 * Starting a task reserves the next slot under the row's lock, so nodes never hand out the same slot.
 */
@ApplicationScoped
public class RateLimits {

    /** How long a reservation waits for another one of the same name on this node. */
    private static final long TURN_WAIT_SECONDS = 10;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentMap<String, Semaphore> turns = new ConcurrentHashMap<>();

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
        takeTurn(task);
        long step = Math.max(1, interval.toMillis());
        long nowMillis = now.toEpochMilli();
        // one statement reads and moves the slot on the row's latest version: two transactions reserving at once
        // wait for each other and get consecutive slots (a read, then a write, may see the row as it was)
        int reserved = em.createNativeQuery("UPDATE celerity_rate_limit SET next_at = "
                        + "(CASE WHEN next_at > ?1 THEN next_at ELSE ?1 END) + ?2 WHERE task_name = ?3 AND next_at <= ?4")
                .setParameter(1, nowMillis).setParameter(2, step).setParameter(3, task)
                .setParameter(4, nowMillis + horizon(interval).toMillis())
                .executeUpdate();
        List<?> next = em.createNativeQuery("SELECT next_at FROM celerity_rate_limit WHERE task_name = ?1")
                .setParameter(1, task).getResultList();
        if (reserved == 1) {
            return Instant.ofEpochMilli(((Number) next.get(0)).longValue() - step);
        }
        if (!next.isEmpty()) {
            return null; // the next free slot lies beyond the horizon
        }
        // a name added since startup; a node that inserts it at the same time makes this start wait and come back
        em.createNativeQuery("INSERT INTO celerity_rate_limit (task_name, next_at) VALUES (?1, ?2)")
                .setParameter(1, task).setParameter(2, nowMillis + step)
                .executeUpdate();
        return now;
    }

    /**
     * Lets one transaction of this node at a time reserve slots of a task name, until it ends. The row lock orders
     * reservations across nodes; on this node, H2 was seen handing two concurrent transactions the same slot.
     */
    private void takeTurn(String task) {
        Object key = List.of(RateLimits.class, task);
        if (transactions.getResource(key) != null) {
            return; // this transaction has its turn already
        }
        Semaphore turn = turns.computeIfAbsent(task, name -> new Semaphore(1));
        try {
            if (!turn.tryAcquire(TURN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(WorkerMessage.NO_START_SLOT.format(task, TURN_WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(WorkerMessage.START_SLOT_INTERRUPTED.format(task), e);
        }
        try {
            transactions.putResource(key, turn);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the turn lasts until the transaction has ended
                }

                @Override
                public void afterCompletion(int status) {
                    turn.release();
                }
            });
        } catch (RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    /** How far ahead slots may be reserved. */
    public static Duration horizon(Duration interval) {
        Duration tenIntervals = interval.multipliedBy(10);
        return tenIntervals.compareTo(Duration.ofMinutes(1)) > 0 ? tenIntervals : Duration.ofMinutes(1);
    }
}
