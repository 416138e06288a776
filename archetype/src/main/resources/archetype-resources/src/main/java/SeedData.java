package ${package};

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Two providers (ids 1 and 2) and the accounts of the users (see {@link Users}), created at the first start. */
@Startup
@Singleton
public class SeedData {

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void create() {
        if (em.createQuery("select count(a) from Account a", Long.class).getSingleResult() == 0) {
            em.persist(new Provider("Acme"));
            em.persist(new Provider("Globex"));
            em.persist(new Account("alice"));
            em.persist(new Account("bob"));
            em.persist(new Account("admin"));
        }
    }
}
