package io.celerity.internal.execution;

import io.celerity.api.TaskLifecycle;
import io.celerity.api.TaskMeta;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.registry.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Calls the {@link TaskLifecycle} handlers of a task bean that has them; a failing handler changes no outcome. */
@ApplicationScoped
public class LifecycleCallbacks {

    private static final Logger LOG = Logger.getLogger(LifecycleCallbacks.class.getName());

    @Inject
    TaskBeans beans;

    /** Calls {@code handler}, then {@code afterReturn}, on the task's bean. */
    void call(TaskDefinition definition, TaskMeta task, Consumer<TaskLifecycle> handler) {
        if (!TaskLifecycle.class.isAssignableFrom(definition.beanClass())) {
            return;
        }
        TaskBeans.Reference bean = null;
        try {
            bean = beans.reference(definition);
            TaskLifecycle lifecycle = (TaskLifecycle) bean.instance();
            guarded(task, () -> handler.accept(lifecycle));
            guarded(task, () -> lifecycle.afterReturn(task));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, WorkerMessage.LIFECYCLE_HANDLER_FAILED.format(task.getId(), e), e);
        } finally {
            if (bean != null) {
                bean.release();
            }
        }
    }

    /** Runs one handler; its failure is logged, and the next handler runs all the same. */
    private static void guarded(TaskMeta task, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, WorkerMessage.LIFECYCLE_HANDLER_FAILED.format(task.getId(), e), e);
        }
    }
}
