package io.celerity.it.web;

import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Many tasks whose every event is large, enqueued in transactions of {@value #PER_TRANSACTION}: many changes quickly,
 * each transaction well within the tests' short JTA timeout even on a busy machine.
 */
@ApplicationScoped
public class Burst {

    static final int PER_TRANSACTION = 50;

    @Inject
    Tasks tasks;

    @Inject
    WebTasks webTasks;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void enqueue(Map<String, Object> fields) {
        for (int i = 0; i < PER_TRANSACTION; i++) {
            tasks.with(TaskOptions.of(fields)).call(() -> webTasks.add(1, 2));
        }
    }
}
