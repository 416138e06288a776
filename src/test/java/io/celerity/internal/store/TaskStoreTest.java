package io.celerity.internal.store;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.metrics.CommittedStates;
import io.celerity.internal.config.MapConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskStoreTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    private final TaskMeta task = new DefaultTaskMeta();
    private final TaskStore store = new TaskStore();
    private final List<String> entered = new ArrayList<>();

    TaskStoreTest() {
        TaskRows.queued(task, "add");
        store.em = entityManagerHolding(task);
        store.model = new TaskEntityModel() {
            @Override
            public synchronized Class<? extends TaskMeta> entityClass() {
                return DefaultTaskMeta.class;
            }

            @Override
            public String entityName() {
                return "DefaultTaskMeta";
            }
        };
        store.config = CelerityConfig.read(MapConfig.of("celerity.node", "node-a"));
        store.states = new CommittedStates() {
            @Override
            public void entered(TaskMeta changed) {
                entered.add(changed.getState());
            }
        };
    }

    @Test
    void eachChange_isStampedWithTheClocksTime_andTheEndAsFinished() {
        store.clock = Clock.fixed(T, ZoneOffset.UTC);
        store.transition(task.getId(), TaskState.STARTED, write -> write.runStarted(T, "node-a/1"));

        assertEquals(T, task.getChangedAt());
        assertNull(task.getFinishedAt());

        store.clock = Clock.offset(store.clock, Duration.ofSeconds(5));
        store.transition(task.getId(), TaskState.SUCCESS, write -> { });

        assertEquals(T.plusSeconds(5), task.getChangedAt());
        assertEquals(T.plusSeconds(5), task.getFinishedAt());
        assertEquals("node-a", task.getNode());
        assertEquals(List.of(new StateHistory.Entry(TaskState.STARTED, T, "node-a", 1),
                new StateHistory.Entry(TaskState.SUCCESS, T.plusSeconds(5), "node-a", 1)),
                StateHistory.read(task.getHistory()));
        assertEquals(List.of(TaskState.STARTED, TaskState.SUCCESS), entered, "each state entered is counted");
    }

    /** An entity manager whose locking queries find one task row, and that flushes nothing. */
    private static EntityManager entityManagerHolding(TaskMeta task) {
        TypedQuery<?> query = fake(TypedQuery.class, (proxy, method, args) -> switch (method.getName()) {
            case "setParameter", "setLockMode" -> proxy;
            case "getResultList" -> List.of(task);
            default -> throw new UnsupportedOperationException(method.getName());
        });
        EntityManagerFactory factory = fake(EntityManagerFactory.class, (proxy, method, args) -> {
            if (method.getName().equals("addNamedQuery")) {
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        return fake(EntityManager.class, (proxy, method, args) -> switch (method.getName()) {
            case "createQuery", "createNamedQuery" -> query;
            case "getEntityManagerFactory" -> factory;
            case "flush" -> null;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static <T> T fake(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
