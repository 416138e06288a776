package io.celerity.internal.dispatch;

import io.celerity.internal.Destinations;
import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;

/**
 * Sends Celerity's messages through the connection factory named by {@code celerity.jms.connection-factory}:
 * inside a JTA transaction a send commits with it (XA through the resource adapter).
 */
@ApplicationScoped
public class Messaging {

    private volatile ConnectionFactory connectionFactory;

    public void sendTask(String queue, TaskMessage task) {
        send(queue, false, task.toJson(), Map.of(TaskMessage.ID_PROPERTY, task.id(), TaskMessage.TASK_PROPERTY,
                task.task(), TaskMessage.DUPLICATE_ID_PROPERTY, task.id()), true);
    }

    /** Sends a text message with string properties to a queue or a topic. */
    public void send(String destination, boolean topic, String body, Map<String, String> properties,
                     boolean persistent) {
        try (JMSContext context = connectionFactory().createContext()) {
            TextMessage message = context.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            JMSProducer producer = context.createProducer()
                    .setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            producer.send(topic ? context.createTopic(destination) : context.createQueue(destination), message);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("CELERITY-0106: cannot send to " + destination + ": " + e, e);
        }
    }

    /** Sends a copy of a message that cannot be processed to the dead-letter queue, with the reason. */
    public void deadLetter(Message original, String reason) {
        try (JMSContext context = connectionFactory().createContext()) {
            Message copy = original instanceof TextMessage text
                    ? context.createTextMessage(text.getText())
                    : context.createTextMessage("<" + original.getClass().getSimpleName() + " not copied>");
            for (String name : propertyNames(original)) {
                if (!name.startsWith("JMS") && !name.startsWith("_AMQ")) {
                    copy.setObjectProperty(name, original.getObjectProperty(name));
                }
            }
            copy.setStringProperty("celerity_reason", reason);
            copy.setStringProperty("celerity_original_id", original.getJMSMessageID());
            context.createProducer().send(context.createQueue(Destinations.DEAD_LETTERS), copy);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("CELERITY-0107: cannot dead-letter a message: " + e, e);
        }
    }

    private static Iterable<String> propertyNames(Message message) throws JMSException {
        return java.util.Collections.list(message.getPropertyNames()).stream().map(String::valueOf).toList();
    }

    private ConnectionFactory connectionFactory() {
        ConnectionFactory factory = connectionFactory;
        if (factory == null) {
            String name = CelerityConfig.get().connectionFactory();
            try {
                InitialContext naming = new InitialContext();
                try {
                    factory = (ConnectionFactory) naming.lookup(name);
                } finally {
                    naming.close();
                }
            } catch (NamingException e) {
                throw new IllegalStateException("CELERITY-0108: no JMS connection factory at '" + name + "'; create "
                        + "it (server-config/payara/post-boot-commands.asadmin) or set celerity.jms.connection-factory", e);
            }
            connectionFactory = factory;
        }
        return factory;
    }
}
