package io.celerity.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** AsyncTask's User: the owner of tasks. */
@Entity
@Table(name = "app_account")
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    private String login;

    public Account() {
    }

    public Account(String login) {
        this.login = login;
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }
}
