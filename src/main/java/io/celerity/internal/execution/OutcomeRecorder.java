package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.store.GroupCommit;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.TaskWrite;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Records the {@link Outcome} of a run: the task's new state on behalf of the run (nothing if the row is no longer the
 * run's), the message of its next attempt, and its lifecycle handlers.
 */
@ApplicationScoped
public class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());

    @Inject
    GroupCommit commits;

    @Inject
    Messaging messaging;

    @Inject
    LifecycleCallbacks lifecycle;

    @Inject
    TaskMetrics metrics;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * The one place where the outcome of every run of a task is recorded.
     *
     * @param task the task as its run started it
     */
    void record(TaskDefinition definition, TaskMeta task, Run run, Outcome outcome) {
        recordOutcome(definition, task, run, outcome);
        // counted once recorded: a run whose outcome could not be written is delivered again
        Duration took = Duration.between(task.getStartedAt(), clock.instant());
        metrics.ran(definition.name(), outcomeName(outcome), took.isNegative() ? Duration.ZERO : took);
    }

    private void recordOutcome(TaskDefinition definition, TaskMeta task, Run run, Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded succeeded) {
            // a store failure here propagates: the broker delivers the message again (at-least-once)
            finish(definition, run, TaskState.SUCCESS, write -> write.result(succeeded.result()), succeeded.value(),
                    null);
        } else if (outcome instanceof Outcome.Aborted aborted) {
            Consumer<TaskWrite> change = aborted.error() == null
                    ? write -> write.result(aborted.result()) : TaskErrors.errorOf(aborted.error());
            finish(definition, run, TaskState.ABORTED, change, null, aborted.error());
        } else if (outcome instanceof Outcome.Failed failed) {
            finish(definition, run, TaskState.FAILURE, TaskErrors.errorOf(failed.error()), null, failed.error());
        } else if (outcome instanceof Outcome.Retry retry) {
            retry(definition, task, run, retry);
        } else if (outcome instanceof Outcome.HandedBack) {
            handBack(definition, task, run);
        } else if (outcome instanceof Outcome.Revoked) {
            LOG.fine(() -> WorkerMessage.REVOKED_WHILE_RUNNING.format(task.getId()));
        }
    }

    /** The state a run's outcome records, or {@code HANDED_BACK} for a run a stopping node interrupted. */
    private static String outcomeName(Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded) {
            return TaskState.SUCCESS;
        } else if (outcome instanceof Outcome.Aborted) {
            return TaskState.ABORTED;
        } else if (outcome instanceof Outcome.Failed) {
            return TaskState.FAILURE;
        } else if (outcome instanceof Outcome.Retry) {
            return TaskState.RETRY;
        }
        return outcome instanceof Outcome.HandedBack ? "HANDED_BACK" : TaskState.REVOKED;
    }

    private void retry(TaskDefinition definition, TaskMeta task, Run run, Outcome.Retry retry) {
        Instant eta = clock.instant().plus(retry.delay());
        TaskStore.Change change = transition(run, TaskState.RETRY,
                TaskErrors.errorOf(retry.recorded()).andThen(write -> write.eta(eta)));
        if (change.changed()) {
            messaging.sendTask(definition.queue(), new TaskMessage(task.getId(), definition.name()),
                    TaskDelivery.retry(change.task()));
            lifecycle.call(definition, change.task(), handler -> handler.onRetry(change.task(), retry.error()));
        }
    }

    /** Records an interrupted run of a stopping node as RETRY (not counted against the retries) and sends it again. */
    private void handBack(TaskDefinition definition, TaskMeta task, Run run) {
        String reason = WorkerMessage.HANDED_BACK.format(config.node());
        TaskStore.Change change = transition(run, TaskState.RETRY,
                write -> write.celerityError(reason).maxRetries(write.task().getMaxRetries() + 1).eta(clock.instant()));
        if (change.changed()) {
            LOG.info(() -> reason + ": task " + task.getId());
            messaging.sendTask(definition.queue(), new TaskMessage(task.getId(), definition.name()),
                    TaskDelivery.handBack(change.task()));
        }
    }

    /** Changes the state on behalf of the run, from the copy of its task that its last change committed. */
    private TaskStore.Change transition(Run run, String state, Consumer<TaskWrite> change) {
        TaskMeta known = run.row();
        return known == null ? commits.transition(run.id(), run.claim(), state, change)
                : commits.transitionKnown(known, run.claim(), state, change);
    }

    /** Records a terminal state: every run that ends its task passes here. */
    private void finish(TaskDefinition definition, Run run, String state, Consumer<TaskWrite> change, Object value,
                        Throwable error) {
        String id = run.id();
        TaskStore.Change finished = transition(run, state, change);
        if (!finished.changed()) {
            LOG.warning(() -> WorkerMessage.END_REFUSED.format(id, state, finished.state()));
            return;
        }
        TaskMeta task = finished.task();
        lifecycle.call(definition, task, handler -> {
            if (TaskState.SUCCESS.equals(state)) {
                handler.onSuccess(task, value);
            } else if (TaskState.FAILURE.equals(state)) {
                handler.onFailure(task, error);
            }
        });
    }
}
