package io.celerity.internal.execution;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.registry.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the bean that declares a task, so that the worker calls it through its interceptors, like any client. */
@ApplicationScoped
public class TaskBeans {

    @Inject
    BeanManager beanManager;

    private final Map<Class<?>, Bean<?>> beans = new ConcurrentHashMap<>();

    /** A reference to the bean of a task; release it after the call. */
    Reference reference(TaskDefinition task) {
        Bean<?> bean = beans.computeIfAbsent(task.beanClass(), this::bean);
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        return new Reference(beanManager.getReference(bean, task.beanClass(), context), bean, context);
    }

    private Bean<?> bean(Class<?> beanClass) {
        return beanManager.getBeans(beanClass, Any.Literal.INSTANCE).stream()
                .filter(bean -> bean.getBeanClass() == beanClass)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(WorkerMessage.NO_TASK_BEAN.format(beanClass.getName())));
    }

    record Reference(Object instance, Bean<?> bean, CreationalContext<?> context) {

        void release() {
            if (bean.getScope() == Dependent.class) {
                context.release();
            }
        }
    }
}
