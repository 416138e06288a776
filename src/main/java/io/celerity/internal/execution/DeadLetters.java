package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.time.Clock;
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

    @Inject
    Expiries expiries;

    @Inject
    Runs runs;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    void file(Message message) {
        String reason;
        try {
            String id = TaskMessage.read(message).id();
            String origin = property(message, "_AMQ_ORIG_ADDRESS");
            reason = WorkerMessage.DELIVERIES_EXHAUSTED.format(id, origin);
            if (origin.endsWith(Destinations.EXPIRED)) {
                expiries.expire(id); // an expired message whose expiry could not be recorded: it expires all the same
            } else {
                fail(id, reason);
            }
        } catch (TaskMessage.MalformedTaskMessage e) {
            reason = e.getMessage();
        }
        String filed = reason;
        LOG.warning(() -> WorkerMessage.DEAD_LETTERED.format(filed));
        messaging.deadLetter(message, reason);
    }

    /**
     * Ends the task FAILURE, unless it has ended, or its run goes on (here, or on a node that renews its heartbeat): the
     * dead-lettered message was a second one.
     */
    private void fail(String id, String reason) {
        store.locked(id, locked -> {
            TaskMeta task = locked.task();
            if (task == null || task.isTerminal() || TaskState.PENDING.equals(task.getState())) {
                return false;
            }
            if (Transitions.isRunning(task.getState()) && (runs.get(id).isPresent()
                    || !WorkerLoss.isLost(task, config.runner(), config.lease(), clock.instant()))) {
                return false;
            }
            return locked.change(TaskState.FAILURE, write -> write.celerityError(reason)).changed();
        });
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
