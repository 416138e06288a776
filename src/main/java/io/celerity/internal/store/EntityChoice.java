package io.celerity.internal.store;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskMeta;
import io.celerity.internal.message.DeploymentMessage;

import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Chooses the entity that stores tasks among the entities of the persistence unit, or says how to fix the setup. */
public final class EntityChoice {

    private EntityChoice() {
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends TaskMeta> choose(Collection<Class<?>> entities, Optional<String> configured) {
        List<Class<?>> candidates = entities.stream()
                .filter(TaskMeta.class::isAssignableFrom)
                .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
        if (configured.isPresent()) {
            return (Class<? extends TaskMeta>) candidates.stream()
                    .filter(c -> c.getName().equals(configured.get().strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(DeploymentMessage.CONFIGURED_ENTITY_UNKNOWN.format(
                            configured.get(), names(candidates))));
        }
        List<Class<?>> own = candidates.stream().filter(c -> c != DefaultTaskMeta.class).toList();
        if (own.size() > 1) {
            throw new IllegalStateException(DeploymentMessage.SEVERAL_TASK_ENTITIES.format(names(own)));
        }
        if (own.size() == 1) {
            return (Class<? extends TaskMeta>) own.get(0);
        }
        if (candidates.contains(DefaultTaskMeta.class)) {
            return DefaultTaskMeta.class;
        }
        throw new IllegalStateException(DeploymentMessage.NO_TASK_ENTITY.format());
    }

    private static String names(List<Class<?>> classes) {
        return classes.isEmpty() ? "none" : classes.stream().map(Class::getName).collect(Collectors.joining(", "));
    }
}
