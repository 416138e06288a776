package io.celerity.it;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.TaskMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.QueueBrowser;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/** Looks at the messages a queue holds for a task, without consuming them. */
final class BrokerProbe {

    static final String DEAD_LETTERS = "celerity.dlq";

    private final ConnectionFactory connectionFactory;

    /** Browses through the connection factory Celerity sends through (celerity.jms.connection-factory). */
    BrokerProbe(CelerityConfig config) {
        String name = config.connectionFactory();
        try {
            connectionFactory = (ConnectionFactory) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory at " + name, e);
        }
    }

    List<Message> messagesFor(String id, String queue) {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(queue),
                     TaskMessage.ID_PROPERTY + " = '" + id + "'")) {
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a Java-serialised object, as a forger might, with a task id property. */
    void sendObject(String queue, String id, Serializable object) {
        try (JMSContext context = connectionFactory.createContext()) {
            ObjectMessage message = context.createObjectMessage(object);
            message.setStringProperty(TaskMessage.ID_PROPERTY, id);
            context.createProducer().send(context.createQueue(queue), message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasMessageFor(String id, String queue) {
        return !messagesFor(id, queue).isEmpty();
    }

    /** Why the task's message was dead-lettered, or {@code null} while it is not. */
    String deadLetterReason(String id) {
        List<Message> messages = messagesFor(id, DEAD_LETTERS);
        try {
            return messages.isEmpty() ? null : messages.get(0).getStringProperty("celerity_reason");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
