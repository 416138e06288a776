package io.celerity.internal.json;

import io.celerity.api.CelerityException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskJsonTest {

    public enum Unit { CM, M }

    public record Box(String label, BigDecimal width, Unit unit, List<LocalDate> dates) {
    }

    @SuppressWarnings("unused")
    public void signature(int x, Integer maybe, Box box, Map<String, List<Integer>> counts, long[] values) {
    }

    private static Type[] types() throws NoSuchMethodException {
        Method method = TaskJsonTest.class.getMethod("signature", int.class, Integer.class, Box.class, Map.class,
                long[].class);
        return method.getGenericParameterTypes();
    }

    @Test
    void arguments_roundTripWithTheirDeclaredTypes() throws Exception {
        Box box = new Box("door", new BigDecimal("0.90"), Unit.M, List.of(LocalDate.of(2026, 11, 21)));
        Object[] args = {3, null, box, Map.of("a", List.of(1, 2)), new long[]{5L, 6L}};

        String json = TaskJson.writeArguments("t", args, types());
        Object[] back = TaskJson.readArguments(json, types());

        assertTrue(json.startsWith("[3,null,{"), json);
        assertEquals(3, back[0]);
        assertNull(back[1]);
        assertEquals(box, back[2]);
        assertEquals(Map.of("a", List.of(1, 2)), back[3]);
        assertArrayEquals(new long[]{5L, 6L}, (long[]) back[4]);
    }

    @Test
    void aNullPrimitive_readsBackAsItsDefault() throws Exception {
        Object[] back = TaskJson.readArguments("[null,null,null,null,null]", types());
        assertEquals(0, back[0]);
    }

    @Test
    void storedArgumentsThatDoNotFitTheSignature_areRefusedClearly() throws Exception {
        Type[] types = types();
        assertTrue(assertThrows(CelerityException.class, () -> TaskJson.readArguments("[1,2]", types))
                .getMessage().startsWith("CELERITY-0403"));
        assertTrue(assertThrows(CelerityException.class, () -> TaskJson.readArguments("{}", types))
                .getMessage().startsWith("CELERITY-0402"));
        assertTrue(assertThrows(CelerityException.class,
                () -> TaskJson.readArguments("[\"x\",null,null,null,null]", types)).getMessage().startsWith("CELERITY-0404"));
    }

    public record Fragile(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("cannot be read");
        }
    }

    @Test
    void aValueThatJsonbCannotWrite_isRefusedAtEnqueue_namingTheTaskAndArgument() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TaskJson.writeArguments("billing", new Object[]{new Fragile("x")}, new Type[]{Fragile.class}));
        assertTrue(error.getMessage().startsWith("CELERITY-0401: argument 0 of task billing"), error.getMessage());
    }

    @Test
    void results_roundTrip() {
        assertEquals("\"Hello\"", TaskJson.writeValue("t", "the result", "Hello", String.class));
        assertEquals("Hello", TaskJson.readValue("\"Hello\"", String.class));
        assertEquals(42, TaskJson.readValue("42", Integer.class));
        assertNull(TaskJson.readValue(null, Integer.class));
    }
}
