package io.celerity.internal.execution;

import io.celerity.api.CelerityException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskMeta;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.tracing.RunSpan;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs task bodies, each on a thread of its own, and waits for them under their soft and hard time limits: how a body
 * ended is a {@link BodyEnd}.
 */
@ApplicationScoped
public class TaskBodies {

    @Inject
    TaskBeans beans;

    @Inject
    Runs runs;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private ExecutorService pool;

    @PostConstruct
    void start() {
        // unbounded: the MDB's maxSession bounds the runs; threads of abandoned runs must not hold up new ones
        pool = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        runs.ids().forEach(id -> runs.get(id).ifPresent(Run::handBack));
        pool.shutdownNow();
    }

    /** Starts the body of a run: the call of the task's method on its bean, with these arguments. */
    CompletableFuture<Object> start(TaskDefinition definition, Run run, Object[] args, RunSpan span) {
        return CompletableFuture.supplyAsync(span.wrap(() -> invoke(definition, run, args)), pool);
    }

    /** Waits until the body ends, the hard time limit stops it, or the task is revoked. */
    BodyEnd end(TaskDefinition definition, TaskMeta task, Run run, CompletableFuture<Object> body) {
        Optional<String> stopped = await(task, run, body);
        if (stopped.isPresent()) {
            return new BodyEnd.Threw(new TimeLimitExceeded(stopped.get()), false);
        }
        if (run.terminated() && !body.isDone()) {
            return new BodyEnd.Revoked();
        }
        Object returned;
        try {
            returned = body.join();
        } catch (RuntimeException e) {
            return new BodyEnd.Threw(e.getCause() != null ? cause(e.getCause()) : e, true);
        }
        try {
            Object value = unwrap(definition, returned);
            String result = definition.resultType() != null
                    ? TaskJson.writeValue(definition.name(), "the result", value, definition.resultType())
                    : null;
            return new BodyEnd.Returned(value, result);
        } catch (RuntimeException e) {
            return new BodyEnd.Threw(e, false);
        }
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
            Object returned = definition.method().invoke(bean.instance(), args);
            rollBackLeftTransaction(definition).ifPresent(left -> {
                throw new BodyFailure(new IllegalStateException(left));
            });
            return returned;
        } catch (InvocationTargetException e) {
            rollBackLeftTransaction(definition);
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

    /**
     * Rolls back a transaction that the body began on this pool thread and left open: the next body to run on the
     * thread would otherwise write inside it, and nothing of that would ever commit.
     *
     * @return the failure to record when there was one
     */
    private Optional<String> rollBackLeftTransaction(TaskDefinition definition) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return Optional.empty();
        }
        try {
            // looked up here, on the body's thread, where the body itself could use it (not in an MDB's context)
            ((UserTransaction) new InitialContext().lookup("java:comp/UserTransaction")).rollback();
            return Optional.of(WorkerMessage.TRANSACTION_LEFT_OPEN.format(definition.name(), "status " + status));
        } catch (NamingException | SystemException | RuntimeException e) {
            return Optional.of(WorkerMessage.TRANSACTION_LEFT_OPEN.format(definition.name(), e));
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

    /** Carries the body's own exception out of the body thread. */
    private static final class BodyFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BodyFailure(Throwable cause) {
            super(cause);
        }
    }
}
