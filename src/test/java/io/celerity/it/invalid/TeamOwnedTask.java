package io.celerity.it.invalid;

import io.celerity.api.TaskMeta;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** A task entity owned through an association that Celerity cannot compare with a user name by itself. */
@Entity
public class TeamOwnedTask extends TaskMeta {

    @ManyToOne
    private Team owner;
}
