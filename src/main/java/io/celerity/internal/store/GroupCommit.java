package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.message.WorkerMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit of the runs' state changes: the changes that runs ask for while a transaction is being written go
 * together into the next one, so that many tasks' STARTED and terminal states share one statement to lock their rows
 * and one commit, instead of a transaction each. A caller waits until its change has committed, as with
 * {@link TaskStore#locked}. A group whose transaction fails is written again one change per transaction, so that one
 * change cannot fail the others.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** Changes in one transaction at most. */
    private static final int MAX_GROUP = 64;
    /** Writers: while one commits, the next group gathers and another writes it. */
    private static final int WRITERS = 2;
    private static final long POLL_MILLIS = 200;

    @Inject
    TaskStore store;

    @Inject
    TaskMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<Write<?>> pending = new LinkedBlockingQueue<>();
    private volatile boolean open;
    private ExecutorService writers;

    @PostConstruct
    void start() {
        writers = Executors.newFixedThreadPool(WRITERS, threads);
        open = true;
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::write);
        }
    }

    @PreDestroy
    void stop() {
        open = false;
        writers.shutdown();
        try {
            if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning(WorkerMessage.GROUP_COMMIT_AT_SHUTDOWN.format());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link TaskStore#locked}, committed together with other runs' changes. */
    public <R> R locked(String id, Function<TaskStore.Locked, R> work) {
        return write(new Write<>(id, null, work));
    }

    private <R> R write(Write<R> write) {
        if (!open) {
            return write.inOwnTransaction();
        }
        pending.add(write);
        while (true) {
            try {
                return write.done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!open && pending.remove(write)) {
                    return write.inOwnTransaction(); // the writers stopped before taking it
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // the change may still commit; the caller treats it as failed, as a lost commit reply
                throw new IllegalStateException(WorkerMessage.WRITE_INTERRUPTED.format(write.id), e);
            }
        }
    }

    /** {@link TaskStore.Locked#change(TaskStore.Claim, String, Consumer)} on one row, committed with other runs' changes. */
    public TaskStore.Change transition(String id, TaskStore.Claim claim, String state, Consumer<TaskWrite> change) {
        return locked(id, locked -> locked.change(claim, state, change));
    }

    /**
     * As {@link #transition}, for a task of which the run holds a copy as committed: while the row is still at the
     * copy's version, the change is written with one statement, without loading the row ({@link TaskStore#lockedKnown}).
     */
    public TaskStore.Change transitionKnown(TaskMeta known, TaskStore.Claim claim, String state,
                                            Consumer<TaskWrite> change) {
        return write(new Write<>(known.getId(), known, locked -> locked.change(claim, state, change)));
    }

    /** Sets application fields and optionally a new state of a running task, on behalf of one run of it. */
    public TaskStore.Change update(String id, TaskStore.Claim claim, String state, Map<String, ?> fields) {
        return locked(id, locked -> locked.update(claim, state, fields));
    }

    int pendingCount() {
        return pending.size();
    }

    private void write() {
        List<Write<?>> group = new ArrayList<>();
        while (open || !pending.isEmpty()) {
            try {
                Write<?> first = pending.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.forEach(Write::failIfUnwritten);
                group.clear();
            }
        }
    }

    private void commit(List<Write<?>> group) {
        if (group.size() == 1) {
            group.get(0).alone();
            return;
        }
        try {
            store.lockedTogether(group);
        } catch (RuntimeException | Error e) {
            // an Error too: it fails the change that raised it, not the writer, which would leave every later one
            // waiting
            LOG.log(Level.FINE, WorkerMessage.GROUP_COMMIT_FAILED.format(group.size()), e);
            group.forEach(Write::alone);
            return;
        }
        metrics.groupCommitted(group.size());
        group.forEach(Write::committed);
    }

    /** One run's change waiting to be written. */
    private final class Write<R> implements TaskStore.RowWork {

        private final String id;
        private final TaskMeta known;
        private final Function<TaskStore.Locked, R> work;
        private final CompletableFuture<R> done = new CompletableFuture<>();
        private R result;

        Write(String id, TaskMeta known, Function<TaskStore.Locked, R> work) {
            this.id = id;
            this.known = known;
            this.work = work;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public TaskMeta known() {
            return known;
        }

        R inOwnTransaction() {
            return known == null ? store.locked(id, work) : store.lockedKnown(known, work);
        }

        @Override
        public void apply(TaskStore.Locked locked) {
            result = work.apply(locked);
        }

        void committed() {
            done.complete(result);
        }

        /** Writes this change in a transaction of its own. */
        void alone() {
            try {
                done.complete(inOwnTransaction());
                metrics.groupCommitted(1);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }

        /** A write that a writer took and could not finish (it was interrupted) fails. */
        void failIfUnwritten() {
            done.completeExceptionally(new IllegalStateException(WorkerMessage.WRITER_STOPPED.format(id)));
        }
    }
}
