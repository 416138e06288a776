package io.celerity.internal.messaging;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.tracing.TaskTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends Celerity's messages through the connection factory named by {@code celerity.jms.connection-factory}:
 * inside a JTA transaction a send commits with it (XA through the resource adapter).
 */
@ApplicationScoped
public class Messaging {

    @Inject
    CelerityConfig config;

    @Inject
    TaskMetrics metrics;

    @Inject
    TaskTracing tracing;

    @Inject
    @CelerityClock
    Clock clock;

    /** The property that says why Celerity filed a message in the dead-letter queue. */
    public static final String REASON_PROPERTY = "celerity_reason";

    private volatile ConnectionFactory connectionFactory;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

    /**
     * Sends a task message, persistent, with the task's priority, a delivery delay until it is due, a time to live
     * until it expires, and a duplicate-detection id so that the broker drops a second send of the same delivery.
     */
    public void sendTask(String queue, TaskMessage task, TaskDelivery delivery) {
        sendTasks(List.of(new OutgoingTask(queue, task, delivery)));
    }

    /**
     * Sends task messages in one transaction of their own: the broker persists them with one commit instead of one
     * round trip each.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sendTasksTogether(List<OutgoingTask> messages) {
        sendTasks(messages);
    }

    /** Sends task messages through one connection. */
    void sendTasks(List<OutgoingTask> messages) {
        try (JMSContext context = connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            for (OutgoingTask outgoing : messages) {
                send(context, producer, outgoing.queue(), outgoing.message(), outgoing.delivery());
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("task messages", e), e);
        }
    }

    private void send(JMSContext context, JMSProducer producer, String queue, TaskMessage task,
                      TaskDelivery delivery) throws JMSException {
        TextMessage message = context.createTextMessage(task.toJson());
        message.setStringProperty(TaskMessage.ID_PROPERTY, task.id());
        message.setStringProperty(TaskMessage.TASK_PROPERTY, task.task());
        if (delivery.duplicateId() != null) {
            message.setStringProperty(TaskMessage.DUPLICATE_ID_PROPERTY, delivery.duplicateId());
        }
        for (Map.Entry<String, String> header : (delivery.trace().isEmpty() ? tracing.current() : delivery.trace())
                .entrySet()) {
            // a JMS property name is a Java identifier: W3C's traceparent is one, b3's X-B3-TraceId is not
            if (isIdentifier(header.getKey())) {
                message.setStringProperty(header.getKey(), header.getValue());
            }
        }
        long now = clock.millis();
        producer.setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(delivery.priority())
                .setDeliveryDelay(delivery.dueAt() != null && delivery.dueAt().toEpochMilli() > now
                        ? delivery.dueAt().toEpochMilli() - now : 0)
                .setTimeToLive(delivery.expiresAt() != null
                        ? Math.max(1, delivery.expiresAt().toEpochMilli() - now) : 0);
        producer.send(destination(context, queue, false), message);
    }

    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
                && name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    /**
     * The destination object of a queue or topic name, made once: Artemis asks the broker whether the address exists
     * every time one is created, a round trip per message that a batch of sends would otherwise pay again and again.
     */
    private Destination destination(JMSContext context, String name, boolean topic) {
        return destinations.computeIfAbsent((topic ? "topic:" : "queue:") + name,
                key -> topic ? context.createTopic(name) : context.createQueue(name));
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
            producer.send(destination(context, destination, topic), message);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("to " + destination, e), e);
        }
    }

    /**
     * Opens a connection through the connection factory and tells whether the broker refused its login: the adapter
     * then has other credentials than the broker admits. Any other failure (a broker that is down) is not a refusal.
     */
    public boolean loginRefused() {
        try (JMSContext ignored = connectionFactory().createContext()) {
            return false;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().endsWith("SecurityException")
                        || String.valueOf(cause.getMessage()).startsWith("AMQ229031")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Makes a round trip to the broker through the connection factory Celerity sends through: browses the queue of
     * expired messages, which its consumer keeps empty, so nothing is transferred.
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses
     */
    public void probe() {
        try (JMSContext context = connectionFactory().createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(Destinations.EXPIRED))) {
            browser.getEnumeration().hasMoreElements();
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("a probe", e), e);
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
            copy.setStringProperty(REASON_PROPERTY, reason);
            copy.setStringProperty("celerity_original_id", original.getJMSMessageID());
            context.createProducer().send(destination(context, Destinations.DEAD_LETTERS, false), copy);
            metrics.deadLettered();
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_DEAD_LETTER.format(e), e);
        }
    }

    private static Iterable<String> propertyNames(Message message) throws JMSException {
        return java.util.Collections.list(message.getPropertyNames()).stream().map(String::valueOf).toList();
    }

    /** The connection factory of the resource adapter, looked up once. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = connectionFactory;
        if (factory == null) {
            String name = config.connectionFactory();
            try {
                InitialContext naming = new InitialContext();
                try {
                    factory = (ConnectionFactory) naming.lookup(name);
                } finally {
                    naming.close();
                }
            } catch (NamingException e) {
                throw new IllegalStateException(ApiUseMessage.NO_CONNECTION_FACTORY.format(name), e);
            }
            connectionFactory = factory;
        }
        return factory;
    }
}
