package io.celerity.internal.dispatch;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.DeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * What an operator does with a dead letter: re-drive it (its task runs again as a new task, like a retry, since an
 * ended task never changes) or discard it. Each takes the message out of the queue in the same transaction that
 * enqueues the new task, so either both happen or neither; each is logged with who did it.
 */
@ApplicationScoped
public class DeadLetterActions {

    private static final Logger LOG = Logger.getLogger(DeadLetterActions.class.getName());

    @Inject
    DeadLetterQueue queue;

    @Inject
    TaskDispatcher dispatcher;

    /** A dead letter that was re-driven, and the id of the task that runs in its place. */
    public record Redriven(DeadLetterQueue.DeadLetter deadLetter, String taskId) {
    }

    public DeadLetterQueue.Page list(String after, int size) {
        return queue.browse(after, size);
    }

    /**
     * Takes the dead letter and enqueues its task again.
     *
     * @return nothing when no filed message has this id
     * @throws NotRetryable when the message names no task, or its task has not ended or succeeded: the message stays
     * @throws io.celerity.api.TaskNotFoundException when its task has been deleted: the message stays
     */
    @Transactional
    public Optional<Redriven> redrive(String id, String by) {
        Optional<DeadLetterQueue.DeadLetter> taken = queue.take(id);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        DeadLetterQueue.DeadLetter letter = taken.get();
        if (letter.taskId() == null) {
            throw new NotRetryable("the message names no task (" + letter.reason() + "); discard it");
        }
        String again = dispatcher.enqueueAgain(letter.taskId()).id();
        LOG.info(() -> WorkerMessage.DEAD_LETTER_REDRIVEN.format(id, letter.taskId(), by, again));
        return Optional.of(new Redriven(letter, again));
    }

    /** Takes the dead letter out of the queue for good; whether there was one with this id. */
    @Transactional
    public boolean discard(String id, String by) {
        Optional<DeadLetterQueue.DeadLetter> taken = queue.take(id);
        taken.ifPresent(letter -> LOG.info(() -> WorkerMessage.DEAD_LETTER_DISCARDED.format(id, letter.taskId(), by,
                letter.reason())));
        return taken.isPresent();
    }
}
