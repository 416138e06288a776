package io.celerity.internal.dispatch;

import io.celerity.api.TaskHandle;
import io.celerity.api.TaskOptions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallOptionsTest {

    @Test
    void theFirstTaskCallTakesTheFields_andANestedOneGetsNone() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("owner", null); // clearing a field is allowed
        fields.put("provider", 7);
        CallOptions options = CallOptions.open(TaskOptions.of(fields).priority(9));
        try {
            TaskOptions taken = CallOptions.take();
            assertEquals(fields, taken.fields());
            assertEquals(9, taken.priority());
            assertSame(TaskOptions.none(), CallOptions.take());
        } finally {
            options.close();
        }
        assertSame(TaskOptions.none(), CallOptions.take(), "nothing is left on the thread");
    }

    @Test
    void theHandleOfTheFirstTaskCallIsKept() {
        CallOptions options = CallOptions.open(TaskOptions.none());
        try {
            TaskHandle<Integer> first = TaskHandle.completed(1);
            CallOptions.handOver(first);
            CallOptions.handOver(TaskHandle.completed(2));
            assertSame(first, options.handle());
        } finally {
            options.close();
        }
    }

    @Test
    void aCallThatEnqueuesNothing_orNestedOptions_areErrors() {
        CallOptions options = CallOptions.open(TaskOptions.none());
        try {
            assertTrue(assertThrows(IllegalStateException.class, options::handle).getMessage().startsWith("CELERITY-0105"));
            assertTrue(assertThrows(IllegalStateException.class, () -> CallOptions.open(TaskOptions.none()))
                    .getMessage().startsWith("CELERITY-0104"));
        } finally {
            options.close();
        }
    }
}
