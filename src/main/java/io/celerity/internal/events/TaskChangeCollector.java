package io.celerity.internal.events;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskMetaListener;
import io.celerity.internal.transaction.AfterCommit;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.LinkedHashMap;
import java.util.List;
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

    void written(@Observes @TaskMetaListener.Written TaskMeta task) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            publisher.publish(List.of(snapshot(task)));
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // a transaction that will roll back: nothing to announce
        }
        Map<String, TaskMeta> written = AfterCommit.holder(transactions, KEY, LinkedHashMap::new,
                pending -> publisher.publish(pending.values().stream().map(this::snapshot).toList()));
        written.put(task.getId(), task);
    }

    private TaskEvent snapshot(TaskMeta task) {
        return new TaskEvent(task.getId(), task.getTaskName(), task.getState(), task.getVersion(), task.getChangedAt(),
                task.getNode(), model.fieldsOf(task), ownership.ownerOf(task), task.getErrorType(),
                task.getErrorMessage(), task.getRootId());
    }
}
