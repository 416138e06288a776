package io.celerity.internal.dispatch;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskOptions;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.execution.RunningTask;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.store.NewTask;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.tracing.TaskTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Enqueues a task: the QUEUED row and the message, in the caller's JTA transaction when there is one, else in a
 * transaction of their own. Both exist only if that transaction commits. Bad input (fields, arguments) is refused
 * before anything is written and leaves the caller's transaction usable.
 */
@ApplicationScoped
public class TaskDispatcher {

    @Inject
    TaskRegistry registry;

    @Inject
    TaskEntityModel model;

    @Inject
    TaskStore store;

    @Inject
    Messaging messaging;

    @Inject
    Outbox outbox;

    @Inject
    HandleFactory handles;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Inject
    TaskTracing tracing;

    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public StoredTaskHandle<?> enqueue(TaskDefinition definition, Object[] args, TaskOptions options) {
        return enqueue(definition, TaskJson.writeArguments(definition.name(), args, definition.parameterTypes()),
                options, null, true);
    }

    /**
     * Enqueues a run of a schedule, in the caller's transaction (the one that claims its tick).
     *
     * @param arguments the arguments as a JSON array, already checked against the task's parameters
     * @param byCaller  whether the run belongs to the caller (run now), or to nobody but its fields (a tick)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public StoredTaskHandle<?> enqueueRun(TaskDefinition definition, String arguments, TaskOptions options,
                                          String schedule, boolean byCaller) {
        return enqueue(definition, arguments, options, schedule, byCaller);
    }

    /**
     * Enqueues a task that ended without success once more, as a new task: the same name, arguments, fields and
     * priority.
     *
     * @return the new task's handle
     * @throws TaskNotFoundException if there is no such task
     * @throws IllegalStateException if it has not ended, or succeeded, or its task is not registered here
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public StoredTaskHandle<?> enqueueAgain(String id) {
        return enqueueAgain(id, null);
    }

    /**
     * As {@link #enqueueAgain(String)}, as the task with id {@code newId}: when that task exists already, it is the
     * answer, so that doing it twice runs the task once more, not twice.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public StoredTaskHandle<?> enqueueAgain(String id, String newId) {
        TaskMeta ended = store.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        if (!ended.isTerminal() || TaskState.SUCCESS.equals(ended.getState())) {
            throw new NotRetryable(ApiUseMessage.NOT_RETRYABLE_STATE.format(id, ended.getState()));
        }
        if (TaskState.SKIPPED.equals(ended.getState())) {
            throw new NotRetryable(ApiUseMessage.SKIPPED_NOT_RETRYABLE.format(id));
        }
        TaskDefinition definition = registry.byName(ended.getTaskName()).orElseThrow(() ->
                new NotRetryable(ApiUseMessage.UNDEFINED_TASK_NAME.format(id, ended.getTaskName())));
        TaskOptions options = TaskOptions.of(model.fieldsOf(ended)).priority(ended.getPriority());
        return enqueue(definition, ended.getArguments(), newId == null ? options : options.id(newId),
                ended.getScheduleName(), true);
    }

    private StoredTaskHandle<?> enqueue(TaskDefinition definition, String arguments, TaskOptions options,
                                        String schedule, boolean byCaller) {
        if (options.id() != null) {
            Optional<TaskMeta> existing = store.find(options.id());
            if (existing.isPresent()) {
                return again(definition, existing.get());
            }
        }
        NewTask created = prepare(definition, arguments, options,
                options.id() != null ? options.id() : UUID.randomUUID().toString()).schedule(schedule);
        TaskMeta task = created.task();
        store.insert(created, definition.defaultFields(), options.fields(), options.typedFields(),
                RunningTask.currentTaskId().orElse(null), byCaller);
        send(task);
        return handles.stored(task.getId(), definition.resultType());
    }

    /**
     * A new task's row, not yet stored: its columns from the definition, the per-call options and the clock.
     *
     * @param arguments the arguments as a JSON array
     */
    public NewTask prepare(TaskDefinition definition, String arguments, TaskOptions options, String id) {
        TaskPolicy policy = definition.policy();
        Instant now = clock.instant();
        Instant due = options.dueAt(now);
        boolean scheduled = due != null && due.isAfter(now);
        Instant expiresAt = options.expiresAt(now);
        Duration soft = options.hasTimeLimits() ? options.softTimeLimit() : policy.softTimeLimit();
        Duration hard = options.hasTimeLimits() ? options.timeLimit() : policy.timeLimit();
        return NewTask.of(model.newTask(), id, definition.name(), definition.queue(),
                        scheduled ? TaskState.SCHEDULED : TaskState.QUEUED, now, config.node())
                .type(definition.type())
                .arguments(arguments)
                .eta(scheduled ? due : null)
                .expiresAt(expiresAt != null ? expiresAt : policy.expires() != null ? now.plus(policy.expires()) : null)
                .priority(options.priority() != null ? options.priority() : policy.priority())
                .maxRetries(options.maxRetries() != null ? options.maxRetries() : policy.maxRetries())
                .timeLimits(soft == null ? null : soft.toMillis(), hard == null ? null : hard.toMillis());
    }

    /**
     * Sends a recorded task's message: once the current transaction commits (the outbox), or within it (XA). A task
     * whose message is lost is sent again by the sweeper once overdue.
     */
    public void send(TaskMeta task) {
        if (config.outbox()) {
            sendAfterCommit(task);
        } else {
            messaging.sendTask(task.getQueue(), new TaskMessage(task.getId(), task.getTaskName()), firstDelivery(task));
        }
    }

    /** The first message of a task: with the trace context of its enqueue, which the send may do on another thread. */
    private TaskDelivery firstDelivery(TaskMeta task) {
        return TaskDelivery.of(task, task.getId())
                .traced(tracing.enqueued(task.getId(), task.getTaskName(), task.getQueue()));
    }

    /**
     * Sends a recorded task's message once the current transaction commits, whatever {@code celerity.enqueue} says: a
     * workflow task released by the end of another, in the transaction that records that end.
     */
    public void sendAfterCommit(TaskMeta task) {
        outbox.afterCommit(task.getQueue(), new TaskMessage(task.getId(), task.getTaskName()), firstDelivery(task));
    }

    /**
     * The task an enqueue with an id was beaten to by a concurrent enqueue with the same id, read in a transaction of
     * its own (the enqueue's own transaction failed on the row's key).
     *
     * @return its handle, or nothing if no task has that id: the enqueue failed for another reason
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = IllegalArgumentException.class)
    public Optional<StoredTaskHandle<?>> enqueuedMeanwhile(TaskDefinition definition, String id) {
        return store.find(id).map(existing -> again(definition, existing));
    }

    /** An enqueue with the id of an existing task: the same task, nothing new (an idempotent retry). */
    private StoredTaskHandle<?> again(TaskDefinition definition, TaskMeta existing) {
        if (!definition.name().equals(existing.getTaskName())) {
            throw new IllegalArgumentException(ApiUseMessage.ID_OF_ANOTHER_TASK.format(existing.getId(),
                    existing.getTaskName(), definition.name()));
        }
        return handles.stored(existing.getId(), definition.resultType());
    }
}
