package io.celerity.internal.dispatch;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskOptions;
import io.celerity.internal.execution.RunningTask;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;

/**
 * Turns a call of a {@code @BackgroundTask} method into an enqueued task, except when a worker invokes the method
 * to run that very task, and when the call is captured as a schedule's task ({@link CallCapture}).
 */
@BackgroundTask
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class BackgroundTaskInterceptor {

    @Inject
    TaskRegistry registry;

    @Inject
    TaskDispatcher dispatcher;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object dispatch(InvocationContext call) throws Exception {
        if (RunningTask.claim(call.getMethod())) {
            return call.proceed();
        }
        Optional<TaskDefinition> task = registry.byMethod(call.getMethod());
        if (task.isEmpty()) {
            return call.proceed();
        }
        if (CallOptions.capture(task.get(), call.getParameters())) {
            return null;
        }
        TaskOptions options = CallOptions.take();
        boolean callersTransaction = transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        StoredTaskHandle<?> handle;
        try {
            handle = dispatcher.enqueue(task.get(), call.getParameters(), options);
        } catch (RuntimeException e) {
            handle = enqueuedMeanwhile(task.get(), options, callersTransaction, e);
        }
        CallOptions.handOver(handle);
        return task.get().returnsHandle() ? handle : null;
    }

    /**
     * Two callers enqueued the same id at once and the other one's row came first: without a transaction of its own
     * the caller gets that task, as a later enqueue would; a caller's transaction cannot go on after the failed insert.
     */
    private StoredTaskHandle<?> enqueuedMeanwhile(TaskDefinition task, TaskOptions options, boolean callersTransaction,
                                                  RuntimeException failure) {
        if (options.id() == null) {
            throw failure;
        }
        StoredTaskHandle<?> existing;
        try {
            existing = dispatcher.enqueuedMeanwhile(task, options.id()).orElseThrow(() -> failure);
        } catch (RuntimeException lookup) {
            if (lookup != failure) {
                failure.addSuppressed(lookup);
            }
            throw failure;
        }
        if (callersTransaction) {
            transactions.setRollbackOnly();
            throw new IllegalStateException(ApiUseMessage.ID_TAKEN_MEANWHILE.format(options.id()), failure);
        }
        return existing;
    }
}
