package io.celerity.it.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes run records, each committed at once. */
@ApplicationScoped
public class RunLog {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String key, String phase, String node, int attempt) {
        em.persist(new RunRecord(UUID.randomUUID().toString(), key, phase, node, attempt));
    }
}
