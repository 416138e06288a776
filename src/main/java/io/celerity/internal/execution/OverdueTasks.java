package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Sends again the messages of waiting tasks overdue by more than a lease: a crash between recording and sending, or a
 * node stopping, lost them. The row decides whether a message runs its task, so a second message does no harm.
 */
@ApplicationScoped
public class OverdueTasks {

    private static final Logger LOG = Logger.getLogger(OverdueTasks.class.getName());

    @Inject
    TaskStore store;

    @Inject
    Messaging messaging;

    /** @param max the most tasks handled at once */
    void resend(Instant now, Duration lease, int max) {
        for (TaskMeta task : store.overdueWaiting(now.minus(lease), max)) {
            resend(task);
        }
    }

    /**
     * The duplicate-detection id is the same for every node that sends the same task again for the same due time, so
     * the broker keeps one.
     */
    private void resend(TaskMeta task) {
        Instant due = task.getEta() != null ? task.getEta() : task.getChangedAt();
        LOG.info(() -> WorkerMessage.OVERDUE_SENT_AGAIN.format(task.getId(), task.getState(), due));
        messaging.sendTask(task.getQueue(), new TaskMessage(task.getId(), task.getTaskName()),
                TaskDelivery.overdue(task, due));
    }
}
