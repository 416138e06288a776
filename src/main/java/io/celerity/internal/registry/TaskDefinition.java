package io.celerity.internal.registry;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * One registered {@code @BackgroundTask} method.
 *
 * @param resultType the {@code T} of {@code TaskHandle<T>}, or {@code null} for a {@code void} method
 */
public record TaskDefinition(String name, String type, String queue, Map<String, String> defaultFields,
                             Class<?> beanClass, Method method, Type[] parameterTypes, Type resultType) {

    public boolean returnsHandle() {
        return resultType != null;
    }
}
