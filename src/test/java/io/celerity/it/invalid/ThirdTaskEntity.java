package io.celerity.it.invalid;

import io.celerity.api.TaskMeta;
import jakarta.persistence.Entity;

/** The other of two task entities in one persistence unit. */
@Entity
public class ThirdTaskEntity extends TaskMeta {
}
