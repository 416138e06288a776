package io.celerity.internal.registry;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * One registered {@code @BackgroundTask} method.
 *
 * @param returnsHandle whether the method returns {@code TaskHandle<T>} (else it is {@code void})
 * @param resultType    the {@code T} of {@code TaskHandle<T>}; {@code null} for {@code void} and {@code Void}
 * @param policy        retries, limits and the other control options
 */
public record TaskDefinition(String name, String type, String queue, Map<String, String> defaultFields,
                             Class<?> beanClass, Method method, Type[] parameterTypes, boolean returnsHandle,
                             Type resultType, TaskPolicy policy) {

    public TaskDefinition withPolicy(TaskPolicy newPolicy) {
        return new TaskDefinition(name, type, queue, defaultFields, beanClass, method, parameterTypes, returnsHandle,
                resultType, newPolicy);
    }
}
