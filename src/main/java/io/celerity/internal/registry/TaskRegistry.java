package io.celerity.internal.registry;

import io.celerity.api.ScheduleDefinition;
import io.celerity.api.TaskWorker;
import io.celerity.internal.message.DeploymentMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks of this application, by name and by method, the queue each task worker consumes, and the schedules
 * declared with {@code @Periodic}; filled and configured at deployment, read-only afterwards.
 */
public final class TaskRegistry {

    /** Every task queue is under this prefix, so the broker's settings for celerity.# apply. */
    public static final String QUEUE_PREFIX = "celerity.";

    private final Map<String, TaskDefinition> byName = new ConcurrentHashMap<>();
    private final Map<Method, TaskDefinition> byMethod = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> workerQueues = new ConcurrentHashMap<>();
    private final Map<String, ScheduleDefinition> declaredSchedules = new ConcurrentHashMap<>();

    /** Registers a task; returns the definition already registered under its name, if any. */
    public Optional<TaskDefinition> register(TaskDefinition definition) {
        TaskDefinition previous = byName.putIfAbsent(definition.name(), definition);
        if (previous != null) {
            return Optional.of(previous);
        }
        byMethod.put(definition.method(), definition);
        return Optional.empty();
    }

    /** Replaces a registered task's definition (its policy, once the configuration is read at deployment). */
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

    /** The names of the tasks. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    public Collection<TaskDefinition> all() {
        return byName.values();
    }

    /** Adds a schedule declared with {@code @Periodic}, checked, under its name. */
    public void declareSchedule(ScheduleDefinition schedule) {
        declaredSchedules.put(schedule.name(), schedule);
    }

    /** The schedules declared with {@code @Periodic}, by name. */
    public List<ScheduleDefinition> declaredSchedules() {
        return declaredSchedules.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The queue a worker consumes: the literal destination of its {@code @MessageDriven} activation config. */
    public String queueOf(Class<? extends TaskWorker> worker) {
        return workerQueues.computeIfAbsent(worker, TaskRegistry::destination);
    }

    /** The queues that the workers found at deployment consume. */
    public Collection<String> workerQueues() {
        return workerQueues.values();
    }

    /**
     * Each worker queue's {@code maxSession} activation property as written ({@code 8}, or a placeholder such as
     * {@code ${MPCONFIG=celerity.worker.concurrency}}); absent when the worker leaves it to the adapter's default.
     */
    public Map<String, Optional<String>> workerMaxSessions() {
        Map<String, Optional<String>> sessions = new TreeMap<>();
        workerQueues.forEach((worker, queue) -> sessions.put(queue, activationProperty(worker, "maxSession")));
        return sessions;
    }

    private static Optional<String> activationProperty(Class<?> worker, String name) {
        MessageDriven driven = worker.getAnnotation(MessageDriven.class);
        return driven == null ? Optional.empty() : Arrays.stream(driven.activationConfig())
                .filter(property -> name.equals(property.propertyName()))
                .map(ActivationConfigProperty::propertyValue).findFirst();
    }

    private static String destination(Class<?> worker) {
        String destination = activationProperty(worker, "destination").orElse(null);
        if (destination == null || !destination.startsWith(QUEUE_PREFIX)) {
            throw new IllegalStateException(DeploymentMessage.WORKER_DESTINATION.format(worker.getName(),
                    QUEUE_PREFIX, destination));
        }
        return destination;
    }
}
