package io.celerity.internal.registry;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The tasks of this application, by name and by method; filled at deployment, read-only afterwards. */
public final class TaskRegistry {

    private final Map<String, TaskDefinition> byName = new ConcurrentHashMap<>();
    private final Map<Method, TaskDefinition> byMethod = new ConcurrentHashMap<>();

    /** Registers a task; returns the definition already registered under its name, if any. */
    public Optional<TaskDefinition> register(TaskDefinition definition) {
        TaskDefinition previous = byName.putIfAbsent(definition.name(), definition);
        if (previous != null) {
            return Optional.of(previous);
        }
        byMethod.put(definition.method(), definition);
        return Optional.empty();
    }

    /** Replaces a registered task's definition (its policy, once configuration is read). */
    public void replace(TaskDefinition definition) {
        byName.put(definition.name(), definition);
        byMethod.put(definition.method(), definition);
    }

    public Optional<TaskDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<TaskDefinition> byMethod(Method method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    public Collection<TaskDefinition> all() {
        return byName.values();
    }
}
