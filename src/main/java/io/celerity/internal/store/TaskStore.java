package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes task rows. Each state change is a short transaction of its own that locks the row, checks the
 * change against {@link Transitions} and bumps the version, so there is exactly one terminal state per task.
 */
@ApplicationScoped
public class TaskStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    /** Records a new task in the caller's transaction (the enqueue commits or rolls back with it). */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public void insert(TaskMeta task, Map<String, String> defaultFields, Map<String, ?> callFields) {
        model.apply(em, task, defaultFields);
        model.apply(em, task, callFields);
        em.persist(task);
        em.flush();
    }

    /** The task as stored; inside a transaction, as this transaction sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskMeta> find(String id) {
        TaskMeta task = em.find(model.entityClass(), id);
        if (task != null && em.contains(task)) {
            em.refresh(task);
        }
        return Optional.ofNullable(task);
    }

    /**
     * Changes the state of a task and lets {@code change} set more columns, in a transaction of its own.
     * A {@code null} state keeps the state and requires a running task.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change transition(String id, String state, Consumer<TaskMeta> change) {
        return change(id, state, change);
    }

    /** Sets application fields and optionally a new state of a running task. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change update(String id, String state, Map<String, ?> fields) {
        return change(id, state, task -> model.apply(em, task, fields));
    }

    private Change change(String id, String state, Consumer<TaskMeta> change) {
        TaskMeta task = em.find(model.entityClass(), id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return new Change(Change.Outcome.MISSING, null, null);
        }
        String from = task.getState();
        boolean allowed = state == null ? Transitions.isRunning(from) : Transitions.allowed(from, state);
        if (!allowed) {
            return new Change(Change.Outcome.REFUSED, from, task);
        }
        Instant now = Instant.now();
        if (state != null) {
            task.setState(state);
        }
        task.setChangedAt(now);
        task.setNode(CelerityConfig.get().node());
        if (task.isTerminal()) {
            task.setFinishedAt(now);
        }
        change.accept(task);
        em.flush();
        return new Change(Change.Outcome.CHANGED, task.getState(), task);
    }

    /** The result of a {@link #transition}. */
    public record Change(Outcome outcome, String state, TaskMeta task) {

        public enum Outcome { CHANGED, REFUSED, MISSING }

        public boolean changed() {
            return outcome == Outcome.CHANGED;
        }
    }
}
