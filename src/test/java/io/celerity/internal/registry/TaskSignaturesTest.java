package io.celerity.internal.registry;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskHandle;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskSignaturesTest {

    public record Order(String id, List<Line> lines, Map<String, BigDecimal> totals) {
    }

    public record Line(String sku, int quantity) {
    }

    public static class Pojo {
        public String name;
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String name) {
        }
    }

    public record HoldsAnything(Object value) {
    }

    @SuppressWarnings("unused")
    static class Tasks {
        @BackgroundTask(name = " billing ", type = "LONG", fields = {"name=Long addition", "total=100"})
        public TaskHandle<Integer> add(int x, Integer y, long[] z, List<String> s, Set<LocalDate> d, Map<String, Order> o) {
            return null;
        }

        @BackgroundTask
        public void mail(Pojo pojo, Order order) {
        }

        @BackgroundTask
        public TaskHandle<Void> nothing(String x) {
            return null;
        }

        @BackgroundTask
        public int direct(int x) {
            return x;
        }

        @BackgroundTask
        public TaskHandle<Object> anything() {
            return null;
        }

        @BackgroundTask
        public void bad(Object o, List<?> wildcard, Map<Integer, String> intKeys, File file, NoDefaultConstructor n,
                        HoldsAnything h, Optional<String> optional, List raw) {
        }

        @BackgroundTask
        private void hidden() {
        }
    }

    @Test
    void aTaskWithJsonTypes_isValid_andItsDefinitionCarriesTheAnnotation() throws Exception {
        Method add = method("add");
        assertEquals(List.of(), TaskSignatures.problems(add));
        TaskDefinition definition = TaskSignatures.define(Tasks.class, add, add.getAnnotation(BackgroundTask.class));
        assertEquals("billing", definition.name());
        assertEquals("LONG", definition.type());
        assertEquals(BackgroundTask.DEFAULT_QUEUE, definition.queue());
        assertEquals(Map.of("name", "Long addition", "total", "100"), definition.defaultFields());
        assertEquals(Integer.class, definition.resultType());
        assertTrue(definition.returnsHandle());
    }

    @Test
    void aVoidTask_isNamedAfterItsClassAndMethod() throws Exception {
        Method mail = method("mail");
        assertEquals(List.of(), TaskSignatures.problems(mail));
        TaskDefinition definition = TaskSignatures.define(Tasks.class, mail, mail.getAnnotation(BackgroundTask.class));
        assertEquals(Tasks.class.getName() + ".mail", definition.name());
        assertNull(definition.resultType());
        assertNull(definition.type());
    }

    @Test
    void aTaskReturningAHandleOnVoid_isValid_andHasNoResultToStore() throws Exception {
        Method nothing = method("nothing");
        assertEquals(List.of(), TaskSignatures.problems(nothing));
        TaskDefinition definition = TaskSignatures.define(Tasks.class, nothing, nothing.getAnnotation(BackgroundTask.class));
        assertTrue(definition.returnsHandle());
        assertNull(definition.resultType());
    }

    @Test
    void aTaskThatReturnsAValueDirectly_isRefused_sayingWhatToReturn() throws Exception {
        List<String> problems = TaskSignatures.problems(method("direct"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("CELERITY-0002"));
        assertTrue(problems.get(0).contains("TaskHandle.completed"));
    }

    @Test
    void typesThatCannotRoundTrip_areEachRefused() throws Exception {
        List<String> problems = TaskSignatures.problems(method("bad"));
        assertEquals(8, problems.size(), problems.toString());
        problems.forEach(problem -> assertTrue(problem.startsWith("CELERITY-0004"), problem));
        assertTrue(problems.get(0).contains("java.lang.Object"));
        assertTrue(problems.get(2).contains("map keys must be String"));
        assertTrue(problems.get(4).contains("no-argument constructor"));
        assertTrue(problems.get(5).contains("HoldsAnything.value"));
        assertTrue(TaskSignatures.problems(method("anything")).get(0).startsWith("CELERITY-0003"));
    }

    @Test
    void aPrivateMethod_cannotBeIntercepted() throws Exception {
        assertTrue(TaskSignatures.problems(method("hidden")).get(0).startsWith("CELERITY-0001"));
    }

    @Test
    void aFieldDefaultWithoutEquals_isRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TaskSignatures.defaultFields("t", new String[]{"owner"}));
        assertTrue(error.getMessage().startsWith("CELERITY-0005"));
    }

    private static Method method(String name) {
        for (Method method : Tasks.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
