package io.celerity.internal.execution;

import io.celerity.api.TaskState;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.logging.Logger;

/**
 * What a message the broker dead-lettered means: the deliveries of a task's message all ended without an outcome.
 * Its task ends FAILURE (if it has not ended), and the message is filed again with the reason, for an operator to
 * read, send again or discard.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    TaskStore store;

    @Inject
    Messaging messaging;

    void file(Message message) {
        String reason;
        try {
            String id = TaskMessage.read(message).id();
            reason = WorkerMessage.DELIVERIES_EXHAUSTED.format(id, property(message, "_AMQ_ORIG_ADDRESS"));
            String why = reason;
            store.transition(id, TaskState.FAILURE, write -> write.celerityError(why));
        } catch (TaskMessage.MalformedTaskMessage e) {
            reason = e.getMessage();
        }
        String filed = reason;
        LOG.warning(() -> WorkerMessage.DEAD_LETTERED.format(filed));
        messaging.deadLetter(message, reason);
    }

    private static String property(Message message, String name) {
        try {
            Object value = message.getObjectProperty(name);
            return value == null ? "?" : value.toString();
        } catch (JMSException e) {
            return "?";
        }
    }
}
