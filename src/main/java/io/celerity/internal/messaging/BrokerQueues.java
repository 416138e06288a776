package io.celerity.internal.messaging;

import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.WorkerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the broker says of Celerity's queues, asked through its management address with a plain JMS message (Artemis's
 * management message API: one {@code listQueues} request), so it works with the embedded broker, WildFly's and a
 * standalone one alike. The broker must let the application's role send to {@value #MANAGEMENT} and view
 * {@code mops.broker.listQueues}; docs/production.adoc shows the grant.
 */
@ApplicationScoped
public class BrokerQueues {

    /** Artemis's default management address. */
    static final String MANAGEMENT = "activemq.management";
    /** Where the broker's answers come, each picked by its correlation id. */
    public static final String REPLIES = "celerity.management.replies";

    private static final String RESOURCE = "_AMQ_ResourceName";
    private static final String OPERATION = "_AMQ_OperationName";
    private static final String SUCCEEDED = "_AMQ_OperationSucceeded";
    /** WildFly's broker names JMS queues with this prefix. */
    private static final String JMS_QUEUE_PREFIX = "jms.queue.";
    private static final int MAX_QUEUES = 1000;

    /** One queue as the broker counts it: ready messages, scheduled ones, ones being delivered, and consumers. */
    public record Figures(String name, long messages, long scheduled, long delivering, long consumers) {
    }

    /** The broker could not be asked, or refused to answer. */
    public static class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    Messaging messaging;

    /**
     * Celerity's anycast queues (names beginning with {@code celerity.}) by name.
     *
     * @throws Unreadable when the broker cannot be reached, refuses the request or does not answer within
     *                    {@code timeout}
     */
    public Map<String, Figures> read(Duration timeout) throws Unreadable {
        String correlation = UUID.randomUUID().toString();
        try (JMSContext context = messaging.connectionFactory().createContext()) {
            Queue replies = context.createQueue(REPLIES);
            // the consumer first: it makes the reply queue where the broker would otherwise drop its answer
            try (JMSConsumer consumer = context.createConsumer(replies,
                    "JMSCorrelationID = '" + correlation + "'")) {
                TextMessage request = context.createTextMessage(TaskJson.json().createArrayBuilder()
                        .add("{\"field\":\"name\",\"operation\":\"CONTAINS\",\"value\":\"celerity.\"}")
                        .add(1).add(MAX_QUEUES).build().toString());
                request.setStringProperty(RESOURCE, "broker");
                request.setStringProperty(OPERATION, "listQueues");
                request.setJMSCorrelationID(correlation);
                request.setJMSReplyTo(replies);
                context.createProducer().send(context.createQueue(MANAGEMENT), request);
                Message reply = consumer.receive(timeout.toMillis());
                if (reply == null) {
                    throw new Unreadable(WorkerMessage.BROKER_FIGURES_UNREADABLE.format(
                            "no answer within " + timeout.toMillis() + " ms"), null);
                }
                return figures(reply);
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new Unreadable(WorkerMessage.BROKER_FIGURES_UNREADABLE.format(e.getMessage()), e);
        }
    }

    private static Map<String, Figures> figures(Message reply) throws JMSException, Unreadable {
        String body = reply instanceof TextMessage text ? text.getText() : null;
        if (!reply.propertyExists(SUCCEEDED) || !reply.getBooleanProperty(SUCCEEDED) || body == null) {
            throw new Unreadable(WorkerMessage.BROKER_FIGURES_UNREADABLE.format(String.valueOf(body)), null);
        }
        try (JsonReader results = TaskJson.json().createReader(new StringReader(body))) {
            JsonArray result = results.readArray();
            try (JsonReader listing = TaskJson.json().createReader(new StringReader(result.getString(0)))) {
                Map<String, Figures> queues = new TreeMap<>();
                for (JsonValue value : listing.readObject().getJsonArray("data")) {
                    JsonObject queue = value.asJsonObject();
                    String name = queue.getString("name");
                    if (name.startsWith(JMS_QUEUE_PREFIX)) {
                        name = name.substring(JMS_QUEUE_PREFIX.length());
                    }
                    if (name.startsWith("celerity.") && "ANYCAST".equals(queue.getString("routingType", ""))
                            && !name.equals(REPLIES)) {
                        long scheduled = number(queue, "scheduledCount");
                        long delivering = number(queue, "deliveringCount");
                        queues.put(name, new Figures(name,
                                Math.max(0, number(queue, "messageCount") - scheduled - delivering),
                                scheduled, delivering, number(queue, "consumerCount")));
                    }
                }
                return queues;
            }
        } catch (JsonException | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException
                 | NullPointerException e) {
            throw new Unreadable(WorkerMessage.BROKER_FIGURES_UNREADABLE.format("an answer it cannot read: " + body),
                    e);
        }
    }

    /** The broker writes every figure as a string. */
    private static long number(JsonObject queue, String field) {
        JsonValue value = queue.get(field);
        return switch (value == null ? JsonValue.ValueType.NULL : value.getValueType()) {
            case STRING -> Long.parseLong(queue.getString(field));
            case NUMBER -> queue.getJsonNumber(field).longValue();
            default -> 0;
        };
    }
}
