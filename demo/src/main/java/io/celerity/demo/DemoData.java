package io.celerity.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The accounts of the demo users (see DemoUsers) and two providers. */
@Startup
@Singleton
public class DemoData {

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void create() {
        if (em.createQuery("select count(a) from Account a", Long.class).getSingleResult() == 0) {
            // the providers first: Acme is provider 1, as README's examples say
            em.persist(new Provider("Acme"));
            em.persist(new Provider("Globex"));
            em.persist(new Account("alice"));
            em.persist(new Account("bob"));
            em.persist(new Account("admin"));
        }
    }
}
