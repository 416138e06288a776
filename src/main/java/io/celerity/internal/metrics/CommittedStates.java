package io.celerity.internal.metrics;

import io.celerity.api.TaskMeta;
import io.celerity.internal.transaction.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the states tasks enter once the transaction that wrote them has committed: a rolled back change, or one
 * written again after its group commit failed, counts once or not at all, as it happened.
 */
@ApplicationScoped
public class CommittedStates {

    private static final Object KEY = CommittedStates.class;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    TaskMetrics metrics;

    /** The task has just entered its current state in the current transaction. */
    public void entered(TaskMeta task) {
        List<String> change = List.of(task.getTaskName(), task.getState());
        AfterCommit.collect(transactions, KEY, ArrayList<List<String>>::new,
                entered -> entered.forEach(committed -> metrics.entered(committed.get(0), committed.get(1))),
                entered -> entered.add(change));
    }
}
