package io.celerity.it.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** The test's owners, alice, bob and admin, stored once and committed before any task of theirs is enqueued. */
@ApplicationScoped
public class Members {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure() {
        if (em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult() == 0) {
            List.of("alice", "bob", "admin").forEach(login -> em.persist(new Member(login)));
        }
    }
}
