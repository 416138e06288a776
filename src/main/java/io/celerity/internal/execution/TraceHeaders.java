package io.celerity.internal.execution;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.HashMap;
import java.util.Map;

/** The trace context a task message carries in its string properties. */
final class TraceHeaders {

    private TraceHeaders() {
    }

    /** The values of these properties that the message has; an unreadable one is left out. */
    static Map<String, String> of(Message message, Iterable<String> names) {
        Map<String, String> headers = new HashMap<>(4);
        for (String name : names) {
            try {
                String value = message.getStringProperty(name);
                if (value != null) {
                    headers.put(name, value);
                }
            } catch (JMSException | RuntimeException e) {
                // a property of another type is no trace context: the run starts a trace of its own
            }
        }
        return headers;
    }
}
