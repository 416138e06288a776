package io.celerity.it.invalid;

import io.celerity.api.TaskMeta;
import jakarta.persistence.Entity;

/** One of two task entities in one persistence unit, without celerity.task-entity to choose. */
@Entity
public class SecondTaskEntity extends TaskMeta {
}
