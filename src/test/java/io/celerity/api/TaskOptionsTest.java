package io.celerity.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskOptionsTest {

    @Test
    void fieldsSetByCode_runInOrder_onTheTaskEntity_andSurviveOtherOptions() {
        TaskOptions options = TaskOptions.of(DefaultTaskMeta.class, t -> t.setCurrent(3))
                .priority(7)
                .set(DefaultTaskMeta.class, t -> t.setTotal(t.getCurrent() * 10))
                .countdown(Duration.ofSeconds(5))
                .fields(Map.of("owner", "alice"));
        DefaultTaskMeta task = new DefaultTaskMeta();
        options.typedFields().accept(task);
        assertEquals(3, task.getCurrent());
        assertEquals(30, task.getTotal());
        assertEquals(7, options.priority());
        assertEquals(Map.of("owner", "alice"), options.fields());
    }

    @Test
    void fieldsSetByCode_onAnotherEntityClass_areRefusedNamingBoth() {
        class OtherTask extends TaskMeta {
        }
        TaskOptions options = TaskOptions.of(DefaultTaskMeta.class, t -> t.setCurrent(3));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> options.typedFields().accept(new OtherTask()));
        assertEquals("CELERITY-0132: fields are set on " + DefaultTaskMeta.class.getName() + ", but the task entity is "
                + OtherTask.class.getName(), refused.getMessage());
    }

    @Test
    void noFieldsByCode_andNullArguments() {
        assertNull(TaskOptions.none().typedFields());
        assertNull(TaskOptions.of(Map.of("current", 1)).typedFields());
        assertEquals("CELERITY-0121: the entity class and its fields must not be null",
                assertThrows(IllegalArgumentException.class,
                        () -> TaskOptions.of(DefaultTaskMeta.class, null)).getMessage());
    }
}
