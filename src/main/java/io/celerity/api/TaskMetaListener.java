package io.celerity.api;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hands every written and every removed {@link TaskMeta} to Celerity, which announces it once the transaction has
 * committed.
 * Applications do not use this class.
 */
public class TaskMetaListener {

    @Inject
    @Written
    Event<TaskMeta> written;

    @Inject
    @Removed
    Event<TaskMeta> removed;

    @PostPersist
    @PostUpdate
    void written(TaskMeta task) {
        written.fire(task);
    }

    @PostRemove
    void removed(TaskMeta task) {
        removed.fire(task);
    }

    /** Qualifies the synchronous, not yet committed, write notification. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({java.lang.annotation.ElementType.PARAMETER, java.lang.annotation.ElementType.FIELD})
    public @interface Written {
    }

    /** Qualifies the synchronous, not yet committed, removal notification. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({java.lang.annotation.ElementType.PARAMETER, java.lang.annotation.ElementType.FIELD})
    public @interface Removed {
    }
}
