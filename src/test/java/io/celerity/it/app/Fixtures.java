package io.celerity.it.app;

import io.celerity.demo.Account;
import io.celerity.demo.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Test data written in transactions of their own. */
@ApplicationScoped
@Transactional
public class Fixtures {

    @PersistenceContext
    EntityManager em;

    public Account account(String login) {
        Account account = new Account(login);
        em.persist(account);
        return account;
    }

    public Provider provider(String title) {
        Provider provider = new Provider(title);
        em.persist(provider);
        return provider;
    }
}
