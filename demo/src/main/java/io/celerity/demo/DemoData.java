package io.celerity.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Two owners and two providers, so that the page has someone to start tasks for. */
@Startup
@Singleton
public class DemoData {

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void create() {
        if (em.createQuery("select count(a) from Account a", Long.class).getSingleResult() == 0) {
            em.persist(new Account("alice"));
            em.persist(new Account("bob"));
            em.persist(new Provider("Acme"));
            em.persist(new Provider("Globex"));
        }
    }
}
