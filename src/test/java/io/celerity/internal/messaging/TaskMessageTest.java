package io.celerity.internal.messaging;

import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskMessageTest {

    /** A text message with this body and a celerity_id property of "p-1". */
    private static TextMessage text(String body) {
        return (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(), new Class<?>[]{TextMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> TaskMessage.ID_PROPERTY.equals(args[0]) ? "p-1" : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aTaskMessage_isReadBack() throws Exception {
        TaskMessage message = new TaskMessage("t-1", "long-addition");
        assertEquals(message, TaskMessage.read(text(message.toJson())));
    }

    @Test
    void aMessageNestedDeep_isMalformed_withTheIdOfItsProperty() {
        String deep = "{\"id\": \"t-1\", \"task\": \"x\", \"more\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        TaskMessage.MalformedTaskMessage malformed = assertThrows(TaskMessage.MalformedTaskMessage.class,
                () -> TaskMessage.read(text(deep)));
        assertTrue(malformed.getMessage().startsWith("CELERITY-0202: the body is not a JSON object: CELERITY-0406"),
                malformed.getMessage());
        assertEquals("p-1", malformed.taskId());
    }

    @Test
    void aMessageTooLong_isMalformed() {
        String padded = "{\"id\": \"t-1\", \"task\": \"" + "x".repeat(TaskMessage.LIMITS.maxLength()) + "\"}";
        TaskMessage.MalformedTaskMessage malformed = assertThrows(TaskMessage.MalformedTaskMessage.class,
                () -> TaskMessage.read(text(padded)));
        assertTrue(malformed.getMessage().contains("CELERITY-0405"), malformed.getMessage());
    }
}
