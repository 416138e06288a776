package io.celerity.internal.web;

import io.celerity.internal.control.QueueOverview;
import io.celerity.internal.dispatch.DeadLetterActions;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The queues and the dead letters as the REST API shows them. */
public final class QueueView {

    private QueueView() {
    }

    /** {@code GET queues}: whether the broker could be read, each task queue, and the dead-letter queue's depth. */
    public record Listing(Broker broker, List<Queue> queues, DeadLetters deadLetters) {

        static Listing of(QueueOverview.Overview overview) {
            return new Listing(new Broker(overview.brokerReadable(), overview.brokerProblem()),
                    overview.queues().stream().map(queue -> new Queue(queue.name(), queue.messages(),
                            queue.scheduled(), queue.delivering(), queue.consumers(),
                            new Tasks(queue.waitingTasks(), queue.scheduledTasks(), queue.runningTasks()))).toList(),
                    new DeadLetters(overview.deadLetters()));
        }
    }

    /** Whether the broker answered; when not, why. */
    public record Broker(boolean readable, String problem) {
    }

    /**
     * A queue: the broker's counts of messages ready to be delivered, scheduled for later and being delivered, and of
     * consumers (absent when the broker cannot be read), and the task table's counts of its tasks.
     */
    public record Queue(String name, Long messages, Long scheduled, Long delivering, Long consumers, Tasks tasks) {
    }

    /** A queue's tasks that have not ended: waiting to start, scheduled for later, and running. */
    public record Tasks(long waiting, long scheduled, long running) {
    }

    /** The messages in the dead-letter queue (absent when the broker cannot be read). */
    public record DeadLetters(Long messages) {
    }

    /** {@code GET dead-letters}: a page of dead letters, and the id to ask for the next page after. */
    public record DeadLetterPage(List<DeadLetter> deadLetters, String next) {

        static DeadLetterPage of(DeadLetterActions.Page page, Function<String, String> stateOf) {
            return new DeadLetterPage(page.deadLetters().stream().map(letter -> new DeadLetter(letter.id(),
                    letter.taskId(), letter.taskName(), letter.reason(), letter.filedAt(),
                    letter.taskId() == null ? null : stateOf.apply(letter.taskId()))).toList(), page.next());
        }
    }

    /** A dead letter: its message id, its task (when it names one, with the task's state now) and why it is here. */
    public record DeadLetter(String id, String taskId, String taskName, String reason, Instant deadLetteredAt,
                             String taskState) {
    }

    /** {@code POST dead-letters/{id}/redrive}: the dead letter, and the new task that runs in its place. */
    public record Redriven(String deadLetter, TaskView task) {
    }
}
