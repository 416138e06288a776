package io.celerity.it.invalid;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An owner entity with nothing that holds a user name: no login, username or name. */
@Entity
public class Team {

    @Id
    private long id;

    private String title;
}
