package io.celerity.internal.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LockedRowsTest {

    private final List<String> registered = new ArrayList<>();

    @Test
    void aListIsPaddedToTheNextPowerOfTwo_upTo64() {
        assertEquals(List.of(1, 2, 4, 4, 8, 8, 8, 8, 16),
                IntStream.rangeClosed(1, 9).map(LockedRows::shape).boxed().toList());
        assertEquals(32, LockedRows.shape(32));
        assertEquals(64, LockedRows.shape(33));
        assertEquals(64, LockedRows.shape(LockedRows.MAX));
    }

    @Test
    void everyShapeIsRegisteredAtOnce_andNoIdsOrMoreThanTheLargestShapeAreRefused() {
        LockedRows rows = new LockedRows(registering(), "Task");
        assertEquals(IntStream.of(1, 2, 4, 8, 16, 32, 64).mapToObj(shape -> "celerity.lockedRows.Task." + shape)
                .toList(), registered);
        assertThrows(IllegalArgumentException.class, () -> rows.lock(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> rows.lock(null,
                IntStream.rangeClosed(0, LockedRows.MAX).mapToObj(String::valueOf).toList()));
    }

    /** An entity manager whose factory notes the names of the queries registered with it. */
    private EntityManager registering() {
        TypedQuery<?> query = fake(TypedQuery.class, (proxy, method, args) -> {
            if (method.getName().equals("setLockMode")) {
                return proxy;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        EntityManagerFactory factory = fake(EntityManagerFactory.class, (proxy, method, args) -> {
            if (method.getName().equals("addNamedQuery")) {
                registered.add((String) args[0]);
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        return fake(EntityManager.class, (proxy, method, args) -> switch (method.getName()) {
            case "createQuery" -> query;
            case "getEntityManagerFactory" -> factory;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static <T> T fake(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
