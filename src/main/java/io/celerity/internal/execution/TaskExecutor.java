package io.celerity.internal.execution;

import io.celerity.api.BackgroundTask;
import io.celerity.api.CelerityException;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.api.TaskWorker;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.tracing.RunSpan;
import io.celerity.internal.tracing.TaskTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one delivered task message: decides from the task row whether to run ({@link TaskStarts}), runs the body
 * ({@link TaskBodies}), decides the outcome ({@link OutcomeDecision}) and records it ({@link OutcomeRecorder}).
 * Messages that can never be processed go to the dead-letter queue with their task marked FAILURE.
 */
@ApplicationScoped
public class TaskExecutor implements TaskWorker.Runner {

    private static final Logger LOG = Logger.getLogger(TaskExecutor.class.getName());

    /** How long a missing row is awaited within one delivery. */
    private static final int MISSING_ROW_ATTEMPTS = 20;
    private static final long MISSING_ROW_PAUSE_MILLIS = 100;
    /** Deliveries of a message whose row is missing before it is dead-lettered (deleted task, forged or stray message). */
    private static final int MISSING_ROW_DELIVERIES = 3;
    /** How long a message waits when its task row could not be read. */
    private static final Duration DEFER = Duration.ofSeconds(5);
    /** How long a message waits when this node is stopping, or still ending the task's previous run. */
    private static final Duration SOON = Duration.ofSeconds(1);

    @Inject
    TaskRegistry registry;

    @Inject
    TaskTracing tracing;

    @Inject
    TaskStore store;

    @Inject
    TaskStarts starts;

    @Inject
    Runs runs;

    @Inject
    Messaging messaging;

    @Inject
    TaskBodies bodies;

    @Inject
    OutcomeRecorder outcomes;

    @Inject
    WorkerActivity activity;

    @Inject
    TaskMetrics metrics;

    @Inject
    @CelerityClock
    Clock clock;

    @Override
    public void run(Class<? extends TaskWorker> worker, Message message) {
        String queue = registry.queueOf(worker);
        activity.begin(queue);
        try {
            execute(message, queue);
        } finally {
            activity.end(queue);
        }
    }

    void execute(Message message, String queue) {
        TaskMessage task;
        try {
            task = TaskMessage.read(message);
        } catch (TaskMessage.MalformedTaskMessage e) {
            poison(message, e.taskId(), e.getMessage());
            return;
        }
        Optional<TaskDefinition> definition = registry.byName(task.task());
        if (definition.isEmpty()) {
            poison(message, task.id(), WorkerMessage.UNKNOWN_TASK.format(task.task()));
            return;
        }
        if (!definition.get().queue().equals(queue)) {
            poison(message, null, WorkerMessage.WRONG_QUEUE.format(task.task(), definition.get().queue(), queue));
            return;
        }
        if (runs.stopping()) {
            // a new message, not a redelivery: refusals must not use up the broker's delivery attempts
            LOG.fine(() -> WorkerMessage.SENT_AWAY_WHILE_STOPPING.format(task.id()));
            resend(message, definition.get(), task, SOON);
            return;
        }
        Run run = runs.register(task.id());
        if (run == null) {
            sameNode(message, definition.get(), task);
            return;
        }
        boolean bodyStarted = false;
        try {
            TaskStarts.Start start;
            try {
                start = begin(task.id(), definition.get(), run);
            } catch (RuntimeException e) {
                defer(message, definition.get(), task, e);
                return;
            }
            switch (start.kind()) {
                case MISSING -> missing(message, task.id());
                case DROP -> LOG.fine(() -> WorkerMessage.NOT_STARTABLE.format(task.id(), start.state()));
                case LATER -> messaging.sendTask(definition.get().queue(), task,
                        TaskDelivery.of(start.task(), null).dueAt(start.later()));
                case RUN -> {
                    if (start.waited() != null) {
                        metrics.started(definition.get().name(), start.waited());
                    }
                    bodyStarted = true;
                    run(message, definition.get(), start.task(), run);
                }
            }
        } finally {
            if (!bodyStarted) {
                runs.remove(run);
            }
        }
    }

    /**
     * A message for a task whose run on this node has not ended yet: a duplicate of a running task is dropped; the
     * next attempt's message of a task whose run is just ending (a retry with no delay) comes back in a moment.
     */
    private void sameNode(Message message, TaskDefinition definition, TaskMessage task) {
        Optional<TaskMeta> row = store.find(task.id());
        if (row.isPresent() && Transitions.isWaiting(row.get().getState())) {
            resend(message, definition, task, SOON);
            return;
        }
        LOG.fine(() -> WorkerMessage.SECOND_MESSAGE.format(task.id()));
    }

    private TaskStarts.Start begin(String id, TaskDefinition definition, Run run) {
        for (int attempt = 1; ; attempt++) {
            TaskStarts.Start start = starts.begin(id, definition, run);
            if (start.kind() != TaskStarts.Start.Kind.MISSING || attempt == MISSING_ROW_ATTEMPTS) {
                return start;
            }
            try {
                Thread.sleep(MISSING_ROW_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return start;
            }
        }
    }

    /**
     * The row could not be read or written (the database is down?): the message comes back later, as often as needed,
     * instead of being dead-lettered by the broker after its last attempt with the task left waiting.
     */
    private void defer(Message message, TaskDefinition definition, TaskMessage task, RuntimeException error) {
        LOG.log(Level.WARNING, WorkerMessage.START_FAILED.format(task.id(), error, DEFER.toSeconds()), error);
        resend(message, definition, task, DEFER);
    }

    /** Sends a task's message again as a new message, due after a delay, with the priority it had. */
    private void resend(Message message, TaskDefinition definition, TaskMessage task, Duration delay) {
        int priority;
        try {
            priority = message.getJMSPriority();
        } catch (JMSException e) {
            priority = BackgroundTask.DEFAULT_PRIORITY;
        }
        messaging.sendTask(definition.queue(), task,
                new TaskDelivery(clock.instant().plus(delay), priority, null, null));
    }

    /**
     * With XA the broker may commit before the database: the broker delivers it again, later. A message still without
     * a row after that is an orphan (its task was deleted, or it is forged or stray): it is dead-lettered, so that it
     * is seen and kept.
     */
    private void missing(Message message, String id) {
        int deliveries;
        try {
            deliveries = message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | RuntimeException e) {
            deliveries = 1;
        }
        if (deliveries < MISSING_ROW_DELIVERIES) {
            throw new IllegalStateException(WorkerMessage.NO_ROW_YET.format(id));
        }
        poison(message, null, WorkerMessage.NO_ROW.format(id, deliveries));
    }

    private void run(Message message, TaskDefinition definition, TaskMeta task, Run run) {
        Object[] args;
        try {
            args = TaskJson.readArguments(task.getArguments(), definition.parameterTypes());
        } catch (CelerityException e) {
            runs.remove(run);
            poison(message, task.getId(), e.getMessage());
            return;
        }
        try (RunSpan span = tracing.run(TraceHeaders.of(message, tracing.fields()), task.getId(), definition.name(),
                definition.queue(), task.getAttempt())) {
            CompletableFuture<Object> body = bodies.start(definition, run, args, span);
            try {
                BodyEnd end = bodies.end(definition, task, run, body);
                if (end instanceof BodyEnd.Threw threw) {
                    LOG.log(Level.FINE, WorkerMessage.RUN_FAILED.format(task.getId()), threw.error());
                }
                Outcome outcome = OutcomeDecision.decide(definition.policy(), RunEnding.of(end, task, run),
                        ThreadLocalRandom.current());
                span.ended(Outcome.state(outcome), Outcome.error(outcome));
                outcomes.record(definition, task, run, outcome);
            } finally {
                // a body abandoned by the hard limit, a revoke or an interrupt stays registered until it returns, so
                // that this node never starts the same task while it still runs
                body.whenComplete((value, error) -> runs.remove(run));
            }
        }
    }

    private void poison(Message message, String id, String reason) {
        LOG.warning(() -> WorkerMessage.DEAD_LETTERED.format(reason));
        if (id != null) {
            store.transition(id, TaskState.FAILURE, write -> write.celerityError(reason));
        }
        messaging.deadLetter(message, reason);
    }
}
