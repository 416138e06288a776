package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic work of every node. Heartbeat: renews the lease of the tasks this node runs (one statement) and
 * re-reads revoke and abort requests for them. Sweep: hands tasks whose runner fell silent to their
 * {@link io.celerity.api.WorkerLost} policy, and expires waiting tasks past their expiry time. Every node sweeps;
 * each change locks the row and re-checks it, so two nodes never act twice on one task.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    private static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TaskStore store;

    @Inject
    Runs runs;

    @Inject
    Expiries expiries;

    @Inject
    Messaging messaging;

    @Inject
    TaskRegistry registry;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    /** Since when the store has answered without interruption (Instant.MAX while it fails). */
    private volatile Instant databaseBackSince;

    public synchronized void start() {
        if (!ticks.isEmpty()) {
            return;
        }
        databaseBackSince = clock.instant();
        long beat = Math.max(100, config.lease().toMillis() / 3);
        long sweep = config.sweepInterval().toMillis();
        ticks.add(scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), beat, beat,
                TimeUnit.MILLISECONDS));
        ticks.add(scheduler.scheduleWithFixedDelay(() -> guarded("sweep", this::sweep), sweep, sweep,
                TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    synchronized void stop() {
        ticks.forEach(tick -> tick.cancel(false));
        ticks.clear();
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            databaseBackSince = Instant.MAX;
            LOG.log(Level.WARNING, WorkerMessage.SWEEP_FAILED.format(what, e), e);
            return;
        }
        if (databaseBackSince == Instant.MAX) {
            databaseBackSince = clock.instant();
        }
    }

    void heartbeat() {
        if (runs.ids().isEmpty()) {
            return;
        }
        Set<String> running = runs.ids();
        store.heartbeat(config.runner(), running, clock.instant());
        for (TaskMeta task : store.findAll(running)) {
            runs.get(task.getId()).ifPresent(run -> {
                if (TaskState.REVOKED.equals(task.getState())) {
                    run.terminate();
                } else if (task.getAbortRequestedAt() != null) {
                    run.requestAbort();
                }
            });
        }
    }

    void sweep() {
        Instant now = clock.instant();
        Duration lease = config.lease();
        List<String> silent = store.silentlyRunning(now.minus(lease), BATCH);
        // other nodes could not renew their heartbeats either while the database was unreachable: give them a lease
        if (Duration.between(databaseBackSince, now).compareTo(lease) > 0) {
            for (String id : silent) {
                lost(id, lease);
            }
        }
        for (String id : store.expiredWaiting(now, BATCH)) {
            expiries.expire(id);
        }
        for (TaskMeta task : store.overdueWaiting(now.minus(lease), BATCH)) {
            resend(task);
        }
    }

    /**
     * Sends the message of a task overdue by more than a lease again. The duplicate-detection id is the same for
     * every node that does so for the same due time, so the broker keeps one; the row decides whether it runs.
     */
    private void resend(TaskMeta task) {
        Instant due = task.getEta() != null ? task.getEta() : task.getChangedAt();
        LOG.info(() -> WorkerMessage.OVERDUE_SENT_AGAIN.format(task.getId(), task.getState(), due));
        messaging.sendTask(task.getQueue(), new TaskMessage(task.getId(), task.getTaskName()),
                TaskDelivery.overdue(task, due));
    }

    private void lost(String id, Duration lease) {
        if (runs.get(id).isPresent()) {
            return; // this node runs it; the next heartbeat renews it
        }
        TaskStore.Change change = store.locked(id, locked -> {
            TaskMeta task = locked.task();
            // checked again under the row lock: a run registers before it takes the lock to start
            if (task == null || runs.get(id).isPresent() || !Transitions.isRunning(task.getState())
                    || !WorkerLoss.isLost(task, config.runner(), lease, clock.instant())) {
                return new TaskStore.Change(TaskStore.Change.Outcome.REFUSED, null, null);
            }
            TaskPolicy policy = registry.byName(task.getTaskName()).map(TaskDefinition::policy).orElse(null);
            return WorkerLoss.record(locked, policy, clock.instant());
        });
        if (change.changed()) {
            TaskMeta task = change.task();
            LOG.warning(() -> WorkerMessage.WORKER_OF_TASK_LOST.format(id, task.getRunner(),
                    task.getState()));
            if (TaskState.RETRY.equals(task.getState())) {
                messaging.sendTask(task.getQueue(), new TaskMessage(task.getId(), task.getTaskName()),
                        TaskDelivery.lostWorker(task));
            }
        }
    }
}
