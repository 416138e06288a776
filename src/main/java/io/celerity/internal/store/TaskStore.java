package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskMetaListener;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.metrics.CommittedStates;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and writes task rows. Each state change is a short transaction of its own that locks the row, checks the
 * change against {@link Transitions} and bumps the version, so there is exactly one terminal state per task.
 */
@ApplicationScoped
public class TaskStore {

    /** Ids in one IN list at most. */
    private static final int IN_LIST = 1000;
    /** The ends of workflow tasks in a group commit, handed to {@link TaskEndings} together once all are changed. */
    private static final ThreadLocal<List<TaskMeta>> GATHERED_ENDS = new ThreadLocal<>();

    @PersistenceContext
    EntityManager em;

    @Inject
    @TaskMetaListener.Written
    Event<TaskMeta> written;

    /** Made at first use, once the entity is known. */
    private volatile Statements statements;

    @Inject
    TaskEntityModel model;

    @Inject
    Ownership ownership;

    @Inject
    CelerityConfig config;

    @Inject
    TaskEndings endings;

    @Inject
    CommittedStates states;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * Records a new task in the caller's transaction (the enqueue commits or rolls back with it). Without an explicit
     * owner it belongs to the caller, or to the owner of {@code parentId}, the task whose body enqueues it; unless
     * {@code byCaller} is false (a schedule's tick, which no caller made).
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public void insert(NewTask created, Map<String, String> defaultFields, Map<String, ?> callFields,
                       Consumer<TaskMeta> typedFields, String parentId, boolean byCaller) {
        TaskMeta task = created.task();
        boolean ownerGiven = setFields(task, defaultFields, callFields, typedFields);
        if (byCaller && !ownerGiven) {
            ownership.capture(em, task, parentId);
        }
        model.validate(task);
        persistNew(task);
        em.flush();
    }

    /**
     * Records the tasks of a workflow in the caller's transaction, written together at the end: each is owned as
     * {@link #insert} owns a task.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public void insertAll(List<Insert> inserts, String parentId) {
        TaskMeta owned = null;
        for (Insert insert : inserts) {
            TaskMeta task = insert.created().task();
            if (!setFields(task, insert.defaultFields(), insert.callFields(), insert.typedFields())) {
                // the owner is looked up once: a lookup per task would write every task persisted so far first
                if (owned == null) {
                    ownership.capture(em, task, parentId);
                    owned = task;
                } else {
                    ownership.captureLike(task, owned);
                }
            }
            model.validate(task);
        }
        // every task is checked before any is stored: a refused one leaves no part of the workflow behind
        inserts.forEach(insert -> persistNew(insert.created().task()));
        em.flush();
    }

    /**
     * Sets the task's definition's field values, then its call's, which override them, then those its call sets by
     * code.
     *
     * @return whether they give the task an owner
     */
    private boolean setFields(TaskMeta task, Map<String, String> defaultFields, Map<String, ?> callFields,
                              Consumer<TaskMeta> typedFields) {
        model.apply(em, task, defaultFields);
        model.apply(em, task, callFields);
        boolean ownerGiven = ownerGiven(defaultFields, callFields);
        if (typedFields != null) {
            typedFields.accept(task);
            model.attachAssociations(em, task);
            ownerGiven = ownerGiven || ownership.ownerSet(task);
        }
        return ownerGiven;
    }

    private boolean ownerGiven(Map<String, String> defaultFields, Map<String, ?> callFields) {
        return defaultFields.containsKey(ownership.field()) || callFields.containsKey(ownership.field());
    }

    /** Persists a new task, its history starting with its first state. */
    private void persistNew(TaskMeta task) {
        TaskColumns.HISTORY.set(task, StateHistory.append(null, new StateHistory.Entry(task.getState(),
                task.getChangedAt(), task.getNode(), task.getAttempt())));
        em.persist(task);
        states.entered(task);
    }

    /** A task to record with {@link #insertAll}, with the fields its definition and its call give it. */
    public record Insert(NewTask created, Map<String, String> defaultFields, Map<String, ?> callFields,
                         Consumer<TaskMeta> typedFields) {
    }

    /**
     * Counts one end against a PENDING workflow task, in one statement of the current transaction.
     *
     * @return whether it was PENDING with a count above zero, and now has one less
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean countDown(String id) {
        return em.createQuery("UPDATE " + model.entityName() + " t "
                        + "SET t.waitsFor = t.waitsFor - 1, t.version = t.version + 1 "
                        + "WHERE t.id = :id AND t.state = :pending AND t.waitsFor > 0")
                .setParameter("id", id)
                .setParameter("pending", TaskState.PENDING)
                .executeUpdate() == 1;
    }

    /**
     * Claims a PENDING workflow task for the one change that ends its waiting (released, skipped, failed), in one
     * statement of the current transaction: of all the transactions that try, one gets it.
     *
     * @param counted whether only a task whose count is down to zero may be claimed
     * @return the claimed task, read after the claim, or empty if it was not PENDING (or not counted down)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Locked> claimPending(String id, boolean counted) {
        int claimed = em.createQuery("UPDATE " + model.entityName() + " t "
                        + "SET t.waitsFor = -1, t.version = t.version + 1 "
                        + "WHERE t.id = :id AND t.state = :pending AND t.waitsFor " + (counted ? "= 0" : ">= 0"))
                .setParameter("id", id)
                .setParameter("pending", TaskState.PENDING)
                .executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        TaskMeta task = em.find(model.entityClass(), id);
        em.refresh(task);
        return Optional.of(new Locked(task, true, false));
    }

    /** The tasks with these ids, as the current transaction sees them, by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, TaskMeta> findHere(Collection<String> ids) {
        Map<String, TaskMeta> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            em.createQuery("SELECT t FROM " + model.entityName() + " t WHERE t.id IN :ids", TaskMeta.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_LIST)))
                    .getResultList()
                    .forEach(task -> found.put(task.getId(), task));
        }
        return found;
    }

    /** How many tasks of a workflow are in each state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> workflowCounts(String rootId) {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("SELECT t.state, COUNT(t) FROM " + model.entityName() + " t WHERE t.rootId = :root "
                        + "GROUP BY t.state", Object[].class)
                .setParameter("root", rootId)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** A workflow's task that ended first without success, other than by being skipped. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskMeta> firstUnsuccessful(String rootId) {
        return em.createQuery("SELECT t FROM " + model.entityName() + " t WHERE t.rootId = :root "
                        + "AND t.state IN :states ORDER BY t.finishedAt, t.id", TaskMeta.class)
                .setParameter("root", rootId)
                .setParameter("states", List.of(TaskState.FAILURE, TaskState.REVOKED, TaskState.ABORTED,
                        TaskState.EXPIRED))
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /**
     * The ids of a workflow's tasks that have not ended: those that wait for other tasks of the workflow (PENDING)
     * first, then those that run or wait for a worker.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> unfinishedMembers(String rootId) {
        List<Object[]> rows = em.createQuery("SELECT t.id, t.state FROM " + model.entityName() + " t "
                        + "WHERE t.rootId = :root AND t.finishedAt IS NULL ORDER BY t.createdAt, t.id", Object[].class)
                .setParameter("root", rootId)
                .getResultList();
        List<String> ids = new ArrayList<>(rows.size());
        rows.stream().filter(row -> TaskState.PENDING.equals(row[1])).forEach(row -> ids.add((String) row[0]));
        rows.stream().filter(row -> !TaskState.PENDING.equals(row[1])).forEach(row -> ids.add((String) row[0]));
        return ids;
    }

    /** The task as committed, read in a transaction of its own: a copy that no persistence context manages. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<TaskMeta> findCommitted(String id) {
        return Optional.ofNullable(em.find(model.entityClass(), id));
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
    public Change transition(String id, String state, Consumer<TaskWrite> change) {
        return change(id, state, change);
    }

    /**
     * Runs {@code work} on the locked row of a task in a transaction of its own; the work decides from the row what
     * to change, through {@link Locked}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <R> R locked(String id, Function<Locked, R> work) {
        return work.apply(new Locked(lockedRow(id), true, false));
    }

    /**
     * As {@link #locked}, for a task of which this node holds a copy as committed: a change on behalf of a run
     * ({@link Locked#change(Claim, String, Consumer)}) is written without loading the row while the row is still at
     * the copy's version; anything else locks and loads it first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <R> R lockedKnown(TaskMeta known, Function<Locked, R> work) {
        return work.apply(new Locked(known, true, true));
    }

    /**
     * Runs several works, each on its locked row, in one transaction: the rows are locked by one statement in id
     * order (so that two such transactions never wait for each other's rows in opposite orders), each work runs as in
     * {@link #locked}, and the changes are written together at the end.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void lockedTogether(List<? extends RowWork> works) {
        // the rows of known copies are not loaded: their changes are written by a statement each
        List<String> ids = works.stream().filter(work -> work.known() == null).map(RowWork::id).distinct().sorted()
                .toList();
        Map<String, TaskMeta> rows = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LockedRows.MAX) {
            statements().locked().lock(em, ids.subList(from, Math.min(ids.size(), from + LockedRows.MAX)))
                    .forEach(task -> rows.put(task.getId(), task));
        }
        List<TaskMeta> ended = new ArrayList<>();
        GATHERED_ENDS.set(ended);
        try {
            // the loaded rows' works first; then the statements of the known copies, in id order like the locking
            Predicate<RowWork> byStatement = work -> work.known() != null && !rows.containsKey(work.id());
            List<RowWork> ordered = new ArrayList<>(works);
            ordered.sort(Comparator.comparing(byStatement::test)
                    .thenComparing(work -> byStatement.test(work) ? work.id() : ""));
            for (RowWork work : ordered) {
                work.apply(byStatement.test(work) ? new Locked(work.known(), false, true)
                        : new Locked(rows.get(work.id()), false, false));
            }
        } finally {
            GATHERED_ENDS.remove();
        }
        if (!ended.isEmpty()) {
            endings.ended(ended);
        }
        // written while the transaction is active: the events of the changes are gathered for after the commit
        em.flush();
    }

    /** Renews the heartbeat of the tasks this runner is running (those of its live runs), in one statement. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int heartbeat(String runner, Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        // setting the version to itself keeps EclipseLink from incrementing it: a heartbeat is not a change
        return em.createQuery("UPDATE " + model.entityName() + " t SET t.heartbeatAt = :now, t.version = t.version "
                        + "WHERE t.runner = :runner AND t.id IN :ids "
                        + "AND t.finishedAt IS NULL AND t.state NOT IN :waiting")
                .setParameter("ids", ids)
                .setParameter("now", Timestamp.from(now))
                .setParameter("runner", runner)
                .setParameter("waiting", Transitions.WAITING)
                .executeUpdate();
    }

    /** The tasks with these ids, as stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<TaskMeta> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t FROM " + model.entityName() + " t WHERE t.id IN :ids", TaskMeta.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** Ids of tasks in a running state whose runner has not renewed the heartbeat since {@code cutoff}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> silentlyRunning(Instant cutoff, int max) {
        return sweep("t.id", "t.finishedAt IS NULL AND t.state NOT IN :waiting AND t.heartbeatAt < :cutoff",
                String.class, cutoff, max);
    }

    /**
     * Waiting tasks that were due before {@code cutoff} and have not started: their message was lost (a crash between
     * recording and sending, a node stopping) or is stuck behind others.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<TaskMeta> overdueWaiting(Instant cutoff, int max) {
        return sweep("t", "t.state IN :waiting AND COALESCE(t.eta, t.changedAt) < :cutoff", TaskMeta.class, cutoff, max);
    }

    /** Ids of waiting tasks whose expiry time has passed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> expiredWaiting(Instant now, int max) {
        return sweep("t.id", "t.state IN :waiting AND t.attempt = 0 AND t.expiresAt < :cutoff", String.class, now, max);
    }

    /** A sweeper's query: {@code select} of the task rows matching {@code where} (with :waiting and :cutoff). */
    private <R> List<R> sweep(String select, String where, Class<R> type, Instant cutoff, int max) {
        return em.createQuery("SELECT " + select + " FROM " + model.entityName() + " t WHERE " + where, type)
                .setParameter("waiting", Transitions.WAITING)
                .setParameter("cutoff", Timestamp.from(cutoff))
                .setMaxResults(max)
                .getResultList();
    }

    private Change change(String id, String state, Consumer<TaskWrite> change) {
        return change(lockedRow(id), state, change, true);
    }

    /** The task's row, locked until the transaction ends, or {@code null} if there is none. */
    private TaskMeta lockedRow(String id) {
        List<TaskMeta> rows = statements().locked().lock(em, List.of(id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Changes a task of which this node holds a copy as committed, on behalf of one run, with one statement that
     * writes only if the row is still at the copy's version. The copy carries the change (it is what the events
     * announce).
     *
     * @return the change, or {@code null} when it cannot be written so (a workflow task, whose end also changes
     * others; an entity that reacts to its updates; a refused transition; a row changed since the copy): then the row
     * must be locked and changed. The copy may then hold what was not written: only the locked row counts from there.
     */
    private Change changeKnown(TaskMeta known, Claim claim, String state, Consumer<TaskWrite> change) {
        if (state == null || known.getLinks() != null || model.updateCallbacks() || !claim.holds(known)
                || !Transitions.allowed(known.getState(), state)) {
            return null;
        }
        long version = known.getVersion();
        Instant now = clock.instant();
        stamp(known, state, now);
        TaskWrite write = new TaskWrite(known);
        change.accept(write);
        if (!write.outcomeOnly()) {
            throw new IllegalStateException("a change written without its row sets only the columns of an outcome");
        }
        appendHistory(known, now);
        if (!statements().outcome().write(em, known, version)) {
            return null;
        }
        TaskColumns.setVersion(known, version + 1);
        states.entered(known);
        written.fire(known);
        return new Change(Change.Outcome.CHANGED, state, known);
    }

    /** Sets the new state ({@code null}: the same) and when and on which node it changed; the end time if it ended. */
    private void stamp(TaskMeta task, String state, Instant now) {
        if (state != null) {
            TaskColumns.STATE.set(task, state);
        }
        TaskColumns.CHANGED_AT.set(task, now);
        TaskColumns.NODE.set(task, config.node());
        if (task.isTerminal()) {
            TaskColumns.FINISHED_AT.set(task, now);
        }
    }

    /** Adds the task's state, entered now, to its history. */
    private static void appendHistory(TaskMeta task, Instant now) {
        TaskColumns.HISTORY.set(task, StateHistory.append(task.getHistory(), new StateHistory.Entry(task.getState(),
                now, task.getNode(), task.getAttempt())));
    }

    private Statements statements() {
        Statements made = statements;
        if (made == null) {
            synchronized (this) {
                made = statements;
                if (made == null) {
                    // every statement is registered before any is used: a provider's registry of named queries need
                    // not be safe to change while others read it
                    made = new Statements(new LockedRows(em, model.entityName()),
                            new OutcomeStatement(em, model.entityName()));
                    statements = made;
                }
            }
        }
        return made;
    }

    /** The statements prepared once per entity. */
    private record Statements(LockedRows locked, OutcomeStatement outcome) {
    }

    private Change change(TaskMeta task, String state, Consumer<TaskWrite> change, boolean flush) {
        if (task == null) {
            return new Change(Change.Outcome.MISSING, null, null);
        }
        String from = task.getState();
        boolean allowed = state == null ? Transitions.isRunning(from) : Transitions.allowed(from, state);
        if (!allowed) {
            return new Change(Change.Outcome.REFUSED, from, task);
        }
        Instant now = clock.instant();
        stamp(task, state, now);
        change.accept(new TaskWrite(task));
        if (!task.getState().equals(from)) {
            appendHistory(task, now);
            states.entered(task);
        }
        if (flush) {
            em.flush();
        }
        if (task.isTerminal() && task.getLinks() != null) {
            List<TaskMeta> gathered = GATHERED_ENDS.get();
            if (gathered != null) {
                gathered.add(task);
            } else {
                endings.ended(List.of(task));
            }
        }
        return new Change(Change.Outcome.CHANGED, task.getState(), task);
    }

    /** One run of a task: the runner (node and boot) that started it and the attempt number it started. */
    public record Claim(String runner, int attempt) {

        boolean holds(TaskMeta task) {
            return runner.equals(task.getRunner()) && attempt == task.getAttempt();
        }
    }

    /** Work on one task row, run by {@link #lockedTogether} with other rows' in one transaction. */
    public interface RowWork {

        String id();

        /** The task as committed, when the work holds a copy of it and need not load the row. */
        default TaskMeta known() {
            return null;
        }

        void apply(Locked locked);
    }

    /** A locked task row (or none) inside {@link #locked}. */
    public final class Locked {

        private TaskMeta task;
        /** Whether each change is written at once; in {@link #lockedTogether} they are all written at the end. */
        private final boolean flush;
        /** Whether {@link #task} is a copy as committed, whose row is neither loaded nor locked yet. */
        private boolean known;

        private Locked(TaskMeta task, boolean flush, boolean known) {
            this.task = task;
            this.flush = flush;
            this.known = known;
        }

        /** The task, or {@code null} if there is none with this id. */
        public TaskMeta task() {
            return row();
        }

        /** Changes the state as {@link #transition} does. */
        public Change change(String state, Consumer<TaskWrite> change) {
            return TaskStore.this.change(row(), state, change, flush);
        }

        /**
         * Changes the state on behalf of one run of the task: refused unless the row still belongs to that run, so
         * a run that lost its task (its node stalled past the lease and another node took over) writes nothing.
         */
        public Change change(Claim claim, String state, Consumer<TaskWrite> change) {
            if (known) {
                Change written = changeKnown(task, claim, state, change);
                if (written != null) {
                    return written;
                }
            }
            TaskMeta row = row();
            if (row != null && !claim.holds(row)) {
                return new Change(Change.Outcome.REFUSED, row.getState(), row);
            }
            return change(state, change);
        }

        /** Sets application fields and optionally a new state of a running task, on behalf of one run of it. */
        public Change update(Claim claim, String state, Map<String, ?> fields) {
            row();
            return change(claim, state, write -> {
                model.apply(em, write.task(), fields);
                model.validate(write.task());
            });
        }

        /** Sets columns without changing the state or checking it. */
        public void touch(Consumer<TaskWrite> change) {
            change.accept(new TaskWrite(row()));
            if (flush) {
                em.flush();
            }
        }

        public void delete() {
            em.remove(row());
            em.flush();
        }

        /** The row, locked and loaded (a known copy's at first use). */
        private TaskMeta row() {
            if (known) {
                task = lockedRow(task.getId());
                known = false;
            }
            return task;
        }
    }

    /** The result of a {@link #transition}. */
    public record Change(Outcome outcome, String state, TaskMeta task) {

        public enum Outcome { CHANGED, REFUSED, MISSING }

        public boolean changed() {
            return outcome == Outcome.CHANGED;
        }
    }
}
