package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Hands running tasks whose runner fell silent for longer than a lease to their {@link io.celerity.api.WorkerLost}
 * policy: RETRY and sent again, or FAILURE. Each change locks the row and checks it again, so two nodes never act
 * twice on one task.
 */
@ApplicationScoped
public class LostWorkers {

    private static final Logger LOG = Logger.getLogger(LostWorkers.class.getName());

    @Inject
    TaskStore store;

    @Inject
    Runs runs;

    @Inject
    Messaging messaging;

    @Inject
    TaskRegistry registry;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * @param storeAnsweringSince since when the store has answered without interruption ({@link Instant#MAX} while
     *                            it fails)
     * @param max                 the most tasks handled at once
     */
    void sweep(Instant now, Duration lease, Instant storeAnsweringSince, int max) {
        List<String> silent = store.silentlyRunning(now.minus(lease), max);
        // other nodes could not renew their heartbeats either while the database was unreachable: give them a lease
        if (Duration.between(storeAnsweringSince, now).compareTo(lease) > 0) {
            for (String id : silent) {
                lost(id, lease);
            }
        }
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
