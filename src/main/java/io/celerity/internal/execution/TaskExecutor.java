package io.celerity.internal.execution;

import io.celerity.api.BackgroundTask;
import io.celerity.api.CelerityException;
import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskLifecycle;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskRetry;
import io.celerity.api.TaskState;
import io.celerity.api.TaskWorker;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.GroupCommit;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.store.TaskWrite;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one delivered task message: decides from the task row whether to run ({@link TaskStarts}), runs the body on a
 * thread of its own under the task's time limits, and records the outcome: SUCCESS, RETRY with a new delayed message,
 * FAILURE, or ABORTED. Messages that can never be processed go to the dead-letter queue with their task marked FAILURE.
 */
@ApplicationScoped
public class TaskExecutor implements TaskWorker.Runner {

    private static final Logger LOG = Logger.getLogger(TaskExecutor.class.getName());

    /** How long a missing row is awaited within one delivery. */
    private static final int MISSING_ROW_ATTEMPTS = 20;
    private static final long MISSING_ROW_PAUSE_MILLIS = 100;
    /** Deliveries of a message whose row is missing before it is dropped (the task was deleted). */
    private static final int MISSING_ROW_DELIVERIES = 3;
    /** How long a message waits when its task row could not be read. */
    private static final Duration DEFER = Duration.ofSeconds(5);
    /** How long a message waits when this node is stopping, or still ending the task's previous run. */
    private static final Duration SOON = Duration.ofSeconds(1);

    @Inject
    TaskRegistry registry;

    @Inject
    TaskStore store;

    @Inject
    GroupCommit commits;

    @Inject
    TaskStarts starts;

    @Inject
    Runs runs;

    @Inject
    TaskBeans beans;

    @Inject
    Messaging messaging;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService bodies;

    @PostConstruct
    void start() {
        // unbounded: the MDB's maxSession bounds the runs; threads of abandoned runs must not hold up new ones
        bodies = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        runs.ids().forEach(id -> runs.get(id).ifPresent(Run::handBack));
        bodies.shutdownNow();
    }

    @Override
    public void run(Class<? extends TaskWorker> worker, Message message) {
        execute(message, registry.queueOf(worker));
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

    /** With XA the broker may commit before the database: the broker delivers it again, later; a deleted task's message is dropped. */
    private static void missing(Message message, String id) {
        int deliveries;
        try {
            deliveries = message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | RuntimeException e) {
            deliveries = 1;
        }
        if (deliveries < MISSING_ROW_DELIVERIES) {
            throw new IllegalStateException(WorkerMessage.NO_ROW_YET.format(id));
        }
        LOG.warning(() -> WorkerMessage.NO_ROW.format(id));
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
        CompletableFuture<Object> body = CompletableFuture.supplyAsync(() -> invoke(definition, run, args), bodies);
        try {
            outcome(definition, task, run, body);
        } finally {
            // a body abandoned by the hard limit, a revoke or an interrupt stays registered until it returns, so that
            // this node never starts the same task while it still runs
            body.whenComplete((value, error) -> runs.remove(run));
        }
    }

    private void outcome(TaskDefinition definition, TaskMeta task, Run run, CompletableFuture<Object> body) {
        Optional<String> stopped = await(task, run, body);
        if (stopped.isPresent()) {
            failed(definition, task, new TimeLimitExceeded(stopped.get()), run, false);
            return;
        }
        if (run.terminated() && !body.isDone()) {
            LOG.fine(() -> WorkerMessage.REVOKED_WHILE_RUNNING.format(task.getId()));
            return;
        }
        Object returned;
        try {
            returned = body.join();
        } catch (RuntimeException e) {
            Throwable error = e.getCause() != null ? cause(e.getCause()) : e;
            failed(definition, task, error, run, true);
            return;
        }
        succeeded(definition, task, returned, run);
    }

    /**
     * Waits for the body under the soft and hard time limits, or until the task is terminated.
     *
     * @return the reason the hard limit stopped it, if it did
     */
    private Optional<String> await(TaskMeta task, Run run, CompletableFuture<Object> body) {
        CompletableFuture<Object> ended = CompletableFuture.anyOf(body, run.released()).exceptionally(error -> null);
        long started = System.nanoTime();
        try {
            Long soft = task.getSoftTimeLimitMillis();
            if (soft != null && !wait(ended, soft)) {
                run.passSoftLimit(WorkerMessage.SOFT_TIME_LIMIT_EXCEEDED.format(Duration.ofMillis(soft)));
            }
            Long hard = task.getTimeLimitMillis();
            if (hard == null) {
                ended.join();
                return Optional.empty();
            }
            long left = hard - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (wait(ended, Math.max(left, 0))) {
                return Optional.empty();
            }
            run.terminate();
            return Optional.of(WorkerMessage.TIME_LIMIT_EXCEEDED.format(Duration.ofMillis(hard)));
        } catch (InterruptedException e) {
            run.terminate();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(WorkerMessage.WORKER_INTERRUPTED.format(task.getId()), e);
        }
    }

    private static boolean wait(CompletableFuture<Object> ended, long millis) throws InterruptedException {
        try {
            ended.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private Object invoke(TaskDefinition definition, Run run, Object[] args) {
        RunningTask.enter(run, definition.name(), definition.method());
        run.bodyStarts(Thread.currentThread());
        TaskBeans.Reference bean = null;
        try {
            bean = beans.reference(definition);
            return definition.method().invoke(bean.instance(), args);
        } catch (InvocationTargetException e) {
            throw new BodyFailure(e.getCause());
        } catch (IllegalAccessException e) {
            throw new BodyFailure(e);
        } finally {
            run.bodyEnds();
            RunningTask.exit();
            if (bean != null) {
                bean.release();
            }
        }
    }

    private void succeeded(TaskDefinition definition, TaskMeta task, Object returned, Run run) {
        Object value;
        String result;
        try {
            value = unwrap(definition, returned);
            result = definition.resultType() != null
                    ? TaskJson.writeValue(definition.name(), "the result", value, definition.resultType())
                    : null;
        } catch (RuntimeException e) {
            failed(definition, task, e, run, false);
            return;
        }
        if (run.abortSeen()) {
            finish(definition, run, TaskState.ABORTED, write -> write.result(result), null, null);
            return;
        }
        // a store failure here propagates: the broker delivers the message again (at-least-once)
        finish(definition, run, TaskState.SUCCESS, write -> write.result(result), value, null);
    }

    private void failed(TaskDefinition definition, TaskMeta task, Throwable error, Run run, boolean retryable) {
        LOG.log(Level.FINE, WorkerMessage.RUN_FAILED.format(task.getId()), error);
        if (run.handedBack()) {
            handBack(definition, task, run);
            return;
        }
        if (run.abortSeen()) {
            finish(definition, run, TaskState.ABORTED, errorOf(error), null, error);
            return;
        }
        Throwable reported = error;
        if (run.softLimitPassed() != null && (error instanceof SoftTimeLimitExceeded
                || error instanceof InterruptedException)) {
            reported = error instanceof SoftTimeLimitExceeded ? error : new SoftTimeLimitExceeded(run.softLimitPassed());
            retryable = false;
        }
        TaskRetry retry = error instanceof TaskRetry requested ? requested : null;
        if (retry != null && retry.getCause() != null) {
            reported = retry.getCause();
        }
        boolean wanted = retryable && (retry != null || definition.policy().retries(error));
        if (wanted && task.getAttempt() <= task.getMaxRetries()) {
            Duration delay = retry != null && retry.countdown() != null
                    ? retry.countdown() : definition.policy().retryDelay(task.getAttempt());
            Instant eta = clock.instant().plus(delay);
            TaskStore.Change change = commits.transition(task.getId(), run.claim(), TaskState.RETRY,
                    errorOf(reported).andThen(write -> write.eta(eta)));
            if (change.changed()) {
                messaging.sendTask(definition.queue(), new TaskMessage(task.getId(), definition.name()),
                        TaskDelivery.retry(change.task()));
                lifecycle(definition, change.task(), handler -> handler.onRetry(change.task(), error));
            }
            return;
        }
        Throwable failure = reported;
        finish(definition, run, TaskState.FAILURE, errorOf(failure), null, failure);
    }

    /** Records an interrupted run of a stopping node as RETRY (not counted against the retries) and sends it again. */
    private void handBack(TaskDefinition definition, TaskMeta task, Run run) {
        String reason = WorkerMessage.HANDED_BACK.format(config.node());
        TaskStore.Change change = commits.transition(task.getId(), run.claim(), TaskState.RETRY, write -> write.celerityError(reason)
                .maxRetries(write.task().getMaxRetries() + 1)
                .eta(clock.instant()));
        if (change.changed()) {
            LOG.info(() -> reason + ": task " + task.getId());
            messaging.sendTask(definition.queue(), new TaskMessage(task.getId(), definition.name()),
                    TaskDelivery.handBack(change.task()));
        }
    }

    private void finish(TaskDefinition definition, Run run, String state, Consumer<TaskWrite> change, Object value,
                        Throwable error) {
        String id = run.id();
        TaskStore.Change finished = commits.transition(id, run.claim(), state, change);
        if (!finished.changed()) {
            LOG.warning(() -> WorkerMessage.END_REFUSED.format(id, state, finished.state()));
            return;
        }
        TaskMeta task = finished.task();
        lifecycle(definition, task, handler -> {
            if (TaskState.SUCCESS.equals(state)) {
                handler.onSuccess(task, value);
            } else if (TaskState.FAILURE.equals(state)) {
                handler.onFailure(task, error);
            }
        });
    }

    private void lifecycle(TaskDefinition definition, TaskMeta task,
                           Consumer<TaskLifecycle> handler) {
        if (!TaskLifecycle.class.isAssignableFrom(definition.beanClass())) {
            return;
        }
        TaskBeans.Reference bean = null;
        try {
            bean = beans.reference(definition);
            TaskLifecycle lifecycle = (TaskLifecycle) bean.instance();
            handler.accept(lifecycle);
            lifecycle.afterReturn(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, WorkerMessage.LIFECYCLE_HANDLER_FAILED.format(task.getId(), e), e);
        } finally {
            if (bean != null) {
                bean.release();
            }
        }
    }

    /** The application's exception, not the EJB container's wrapper around it. */
    private static Throwable cause(Throwable error) {
        Throwable cause = error instanceof BodyFailure failure ? failure.getCause() : error;
        while (cause instanceof EJBException ejb && ejb.getCause() != null) {
            cause = ejb.getCause();
        }
        return cause;
    }

    private static Object unwrap(TaskDefinition definition, Object returned) {
        if (returned == null) {
            return null;
        }
        if (returned instanceof TaskHandle.CompletedResult<?> completed) {
            return completed.value();
        }
        throw new CelerityException(WorkerMessage.NOT_A_COMPLETED_HANDLE.format(definition.name(), returned));
    }

    private static Consumer<TaskWrite> errorOf(Throwable error) {
        if (error == null) {
            return write -> { };
        }
        String type = error instanceof TimeLimitExceeded ? CelerityException.class.getName() : error.getClass().getName();
        String trace = error instanceof TimeLimitExceeded ? null : stackTrace(error);
        return write -> write.error(type, error.getMessage(), trace);
    }

    private void poison(Message message, String id, String reason) {
        LOG.warning(() -> WorkerMessage.DEAD_LETTERED.format(reason));
        if (id != null) {
            store.transition(id, TaskState.FAILURE, write -> write.celerityError(reason));
        }
        messaging.deadLetter(message, reason);
    }


    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** Carries the body's own exception out of the body thread. */
    private static final class BodyFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BodyFailure(Throwable cause) {
            super(cause);
        }
    }

    /** The hard time limit ended the run. */
    private static final class TimeLimitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TimeLimitExceeded(String message) {
            super(message);
        }
    }
}
