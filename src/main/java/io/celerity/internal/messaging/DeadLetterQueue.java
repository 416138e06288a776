package io.celerity.internal.messaging;

import io.celerity.internal.message.ApiUseMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The messages Celerity filed in {@value Destinations#DEAD_LETTERS} with their reason: read page by page or one by id,
 * and taken out one at a time. Nothing here joins a transaction: taking a message together with a database write would
 * make a two-phase commit, which a database without prepared transactions refuses. Messages the broker moved there
 * and Celerity has not filed yet (no reason) are left to the dead-letter bean.
 */
@ApplicationScoped
public class DeadLetterQueue {

    /** A message id as the API shows it: the broker's JMSMessageID without its {@code ID:} prefix. */
    public static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    /** Messages a page is looked for in, at most: a page past them is not served. */
    static final int MAX_SCANNED = 100_000;

    private static final String FILED = Messaging.REASON_PROPERTY + " IS NOT NULL";
    private static final long TAKE_WAIT_MILLIS = 1000;

    /** A filed message: its id, its task (when it names one), the reason and when it was filed. */
    public record DeadLetter(String id, String taskId, String taskName, String reason, Instant filedAt) {
    }

    /** Up to a page of dead letters, and the id to continue after when more follow. */
    public record Page(List<DeadLetter> deadLetters, String next) {
    }

    @Inject
    Messaging messaging;

    /**
     * The filed messages in the queue's order, after the one with id {@code after} (from the start when null).
     *
     * @throws IllegalStateException when the broker cannot be reached
     */
    public Page browse(String after, int size) {
        try (JMSContext context = messaging.connectionFactory().createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(Destinations.DEAD_LETTERS), FILED)) {
            Enumeration<?> messages = browser.getEnumeration();
            boolean collecting = after == null;
            List<DeadLetter> page = new ArrayList<>();
            for (int scanned = 0; messages.hasMoreElements() && scanned < MAX_SCANNED; scanned++) {
                DeadLetter letter = read((Message) messages.nextElement());
                if (!collecting) {
                    collecting = letter.id().equals(after);
                } else if (page.size() == size) {
                    return new Page(page, page.get(size - 1).id());
                } else {
                    page.add(letter);
                }
            }
            return new Page(page, null);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("a browse of the dead letters", e), e);
        }
    }

    /** The filed message with this id, left in the queue; nothing when there is none. */
    public Optional<DeadLetter> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (JMSContext context = messaging.connectionFactory().createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(Destinations.DEAD_LETTERS),
                     selector(id))) {
            Enumeration<?> messages = browser.getEnumeration();
            return messages.hasMoreElements() ? Optional.of(read((Message) messages.nextElement())) : Optional.empty();
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("a browse of the dead letters", e), e);
        }
    }

    /**
     * Takes the filed message with this id out of the queue for good.
     *
     * @return the message, or nothing when no filed message has this id
     */
    public Optional<DeadLetter> take(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (JMSContext context = messaging.connectionFactory().createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(Destinations.DEAD_LETTERS),
                     selector(id))) {
            Message message = consumer.receive(TAKE_WAIT_MILLIS);
            return message == null ? Optional.empty() : Optional.of(read(message));
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException(ApiUseMessage.CANNOT_SEND.format("a take of a dead letter", e), e);
        }
    }

    private static String selector(String id) {
        return "JMSMessageID = 'ID:" + id + "' AND " + FILED;
    }

    private static DeadLetter read(Message message) throws JMSException {
        String id = message.getJMSMessageID();
        return new DeadLetter(id != null && id.startsWith("ID:") ? id.substring(3) : id,
                message.getStringProperty(TaskMessage.ID_PROPERTY), message.getStringProperty(TaskMessage.TASK_PROPERTY),
                message.getStringProperty(Messaging.REASON_PROPERTY),
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null);
    }
}
