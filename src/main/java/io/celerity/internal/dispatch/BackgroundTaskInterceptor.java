package io.celerity.internal.dispatch;

import io.celerity.api.BackgroundTask;
import io.celerity.internal.execution.RunningTask;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

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
        StoredTaskHandle<?> handle = dispatcher.enqueue(task.get(), call.getParameters(), CallOptions.take());
        CallOptions.handOver(handle);
        return task.get().returnsHandle() ? handle : null;
    }
}
