package io.celerity.internal.events;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskMetaListener;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.transaction.AfterCommit;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the task rows written in a transaction and, once it has committed, announces the final state of each:
 * nothing is announced that a rollback undid.
 */
@ApplicationScoped
public class TaskChangeCollector {

    private static final Object KEY = TaskChangeCollector.class;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    TaskEntityModel model;

    @Inject
    Ownership ownership;

    @Inject
    TaskEventPublisher publisher;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    void written(@Observes @TaskMetaListener.Written TaskMeta task) {
        collect(task.getId(), task);
    }

    void removed(@Observes @TaskMetaListener.Removed TaskMeta task) {
        collect(task.getId(), deletion(task));
    }

    /**
     * Announces a written row (read when the transaction has committed) or a deletion: at once outside a transaction,
     * after the commit inside one, never for a transaction that will roll back.
     */
    private void collect(String id, Object entry) {
        AfterCommit.collect(transactions, KEY, LinkedHashMap<String, Object>::new, this::publishCommitted,
                committed -> committed.put(id, entry));
    }

    /** The rows written in the transaction (their state once committed) and the deletions, announced in order. */
    private void publishCommitted(Map<String, Object> committed) {
        publisher.publish(committed.values().stream()
                .map(entry -> entry instanceof TaskMeta task ? snapshot(task) : (TaskEvent) entry).toList());
    }

    private TaskEvent snapshot(TaskMeta task) {
        return new TaskEvent(task.getId(), task.getTaskName(), task.getState(), task.getVersion(), task.getChangedAt(),
                task.getNode(), model.fieldsOf(task), ownership.ownerOf(task), task.getErrorType(),
                task.getErrorMessage(), task.getRootId());
    }

    /** Read at the removal, while the entity still holds its last values (its owner among them). */
    private TaskEvent deletion(TaskMeta task) {
        return new TaskEvent(task.getId(), task.getTaskName(), TaskEvent.DELETED, task.getVersion() + 1,
                clock.instant(), config.node(), model.fieldsOf(task), ownership.ownerOf(task), null, null,
                task.getRootId());
    }
}
