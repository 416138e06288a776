package io.celerity.internal.dispatch;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.DeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What an operator does with a dead letter: re-drive it (its task runs again as a new task, like a retry, since an
 * ended task never changes) or discard it; each is logged with who did it.
 * <p>
 * A re-drive enqueues first and takes the message out after that commits, and the new task's id is the message's id:
 * if taking it fails, the message stays, and re-driving it again finds that task instead of making a second one. No
 * two-phase commit between the broker and the database is needed.
 */
@ApplicationScoped
public class DeadLetterActions {

    private static final Logger LOG = Logger.getLogger(DeadLetterActions.class.getName());
    /** A dead letter's id as the API takes it. */
    public static final Pattern ID = DeadLetterQueue.ID;
    /** The longest task id: a longer message id is not used as one. */
    private static final int MAX_TASK_ID = 36;

    @Inject
    DeadLetterQueue queue;

    @Inject
    TaskDispatcher dispatcher;

    /** A filed message: its id, its task (when it names one), the reason and when it was filed. */
    public record DeadLetter(String id, String taskId, String taskName, String reason, Instant filedAt) {

        static DeadLetter of(DeadLetterQueue.DeadLetter letter) {
            return new DeadLetter(letter.id(), letter.taskId(), letter.taskName(), letter.reason(), letter.filedAt());
        }
    }

    /** Up to a page of dead letters, and the id to continue after when more follow. */
    public record Page(List<DeadLetter> deadLetters, String next) {
    }

    /** A dead letter that was re-driven, and the id of the task that runs in its place. */
    public record Redriven(DeadLetter deadLetter, String taskId) {
    }

    /** The dead letters after the one with id {@code after} (from the first when null). */
    public Page list(String after, int size) {
        DeadLetterQueue.Page page = queue.browse(after, size);
        return new Page(page.deadLetters().stream().map(DeadLetter::of).toList(), page.next());
    }

    /**
     * Enqueues the dead letter's task again, then takes the message out.
     *
     * @return nothing when no filed message has this id
     * @throws NotRetryable when the message names no task, or its task has not ended or succeeded: the message stays
     * @throws io.celerity.api.TaskNotFoundException when its task has been deleted: the message stays
     */
    public Optional<Redriven> redrive(String id, String by) {
        Optional<DeadLetterQueue.DeadLetter> found = queue.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetterQueue.DeadLetter letter = found.get();
        if (letter.taskId() == null) {
            throw new NotRetryable("the message names no task (" + letter.reason() + "); discard it");
        }
        String again = dispatcher.enqueueAgain(letter.taskId(), id.length() <= MAX_TASK_ID ? id : null).id();
        queue.take(id);
        LOG.info(() -> WorkerMessage.DEAD_LETTER_REDRIVEN.format(id, letter.taskId(), by, again));
        return Optional.of(new Redriven(DeadLetter.of(letter), again));
    }

    /** Takes the dead letter out of the queue for good; whether there was one with this id. */
    public boolean discard(String id, String by) {
        Optional<DeadLetterQueue.DeadLetter> taken = queue.take(id);
        taken.ifPresent(letter -> LOG.info(() -> WorkerMessage.DEAD_LETTER_DISCARDED.format(id, letter.taskId(), by,
                letter.reason())));
        return taken.isPresent();
    }
}
