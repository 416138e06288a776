package io.celerity.it.app;

import io.celerity.demo.Account;
import io.celerity.demo.AsyncTask;
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

    /** Renames a task in a transaction of its own, as an application's code may while the task runs. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rename(String taskId, String name) {
        em.find(AsyncTask.class, taskId).setName(name);
    }

    public Provider provider(String title) {
        Provider provider = new Provider(title);
        em.persist(provider);
        return provider;
    }
}
