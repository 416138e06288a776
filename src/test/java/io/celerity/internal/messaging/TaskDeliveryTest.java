package io.celerity.internal.messaging;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.store.NewTask;
import io.celerity.internal.store.TaskRows;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant ETA = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-02T11:00:00Z");

    /** A task running its first attempt. */
    private static TaskMeta running() {
        TaskMeta task = new DefaultTaskMeta();
        TaskRows.queued(task, "t").running("node-a", NOW);
        return task;
    }

    @Test
    void aRetryIsSentOncePerAttempt() {
        TaskMeta task = running();
        assertEquals(task.getId() + "#1", TaskDelivery.retry(task).duplicateId());
    }

    @Test
    void aHandedBackTaskIsSentOncePerAttempt() {
        TaskMeta task = running();
        assertEquals(task.getId() + "#handback#1", TaskDelivery.handBack(task).duplicateId());
    }

    @Test
    void aTaskWhoseWorkerWasLostIsSentOncePerAttempt() {
        TaskMeta task = running();
        assertEquals(task.getId() + "#lost#1", TaskDelivery.lostWorker(task).duplicateId());
    }

    @Test
    void anOverdueTaskIsSentAtOnceOncePerDueTime_withItsExpiryWhileItNeverStarted() {
        TaskMeta task = NewTask.of(new DefaultTaskMeta(), "t1", "t", "q", TaskState.QUEUED, NOW, "node-a")
                .priority(7).eta(ETA).expiresAt(EXPIRES).task();
        assertEquals(new TaskDelivery(null, 7, EXPIRES, "t1#overdue#" + ETA.toEpochMilli()),
                TaskDelivery.overdue(task, ETA));
    }

    @Test
    void aLaterCheckIsSentWithoutDuplicateDetection() {
        TaskDelivery later = TaskDelivery.of(running(), "t1").dueAt(EXPIRES);
        assertEquals(EXPIRES, later.dueAt());
        assertNull(later.duplicateId());
    }
}
