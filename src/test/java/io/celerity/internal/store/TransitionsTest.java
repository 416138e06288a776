package io.celerity.internal.store;

import io.celerity.api.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.celerity.internal.store.Transitions.allowed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionsTest {

    @ParameterizedTest
    @ValueSource(strings = {TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED, TaskState.ABORTED, TaskState.EXPIRED})
    void aTerminalState_neverChangesAgain(String terminal) {
        for (String to : new String[]{TaskState.QUEUED, TaskState.STARTED, TaskState.PROGRESS, TaskState.SUCCESS,
                TaskState.FAILURE, TaskState.REVOKED, "CUSTOM"}) {
            assertFalse(allowed(terminal, to), terminal + " -> " + to);
        }
    }

    @Test
    void aQueuedTask_starts_orIsRevokedAbortedExpiredOrFailed_butDoesNotSucceedUnstarted() {
        assertTrue(allowed(TaskState.QUEUED, TaskState.STARTED));
        assertTrue(allowed(TaskState.QUEUED, TaskState.REVOKED));
        assertTrue(allowed(TaskState.QUEUED, TaskState.EXPIRED));
        assertTrue(allowed(TaskState.QUEUED, TaskState.FAILURE));
        assertFalse(allowed(TaskState.QUEUED, TaskState.SUCCESS));
        assertFalse(allowed(TaskState.QUEUED, TaskState.PROGRESS));
        assertTrue(allowed(TaskState.QUEUED, TaskState.ABORTED), "an abort before the start");
    }

    @Test
    void aWaitingTask_mayWaitAgain_forItsRateLimitSlot() {
        assertTrue(allowed(TaskState.QUEUED, TaskState.QUEUED));
        assertTrue(allowed(TaskState.SCHEDULED, TaskState.QUEUED));
        assertTrue(allowed(TaskState.RETRY, TaskState.QUEUED));
        assertTrue(allowed(TaskState.RETRY, TaskState.STARTED));
        assertTrue(allowed(TaskState.SCHEDULED, TaskState.EXPIRED));
    }

    @Test
    void aRunningTask_mayWaitForItsNextAttempt_butNotBeQueuedAgain() {
        assertTrue(allowed(TaskState.STARTED, TaskState.RETRY));
        assertTrue(allowed(TaskState.PROGRESS, TaskState.RETRY));
        assertFalse(allowed(TaskState.STARTED, TaskState.QUEUED));
        assertFalse(allowed(TaskState.STARTED, TaskState.EXPIRED), "expiry concerns tasks not yet started");
    }

    @Test
    void aRunningTask_movesThroughCustomStates_andEndsOnce() {
        assertTrue(allowed(TaskState.STARTED, TaskState.PROGRESS));
        assertTrue(allowed(TaskState.PROGRESS, TaskState.PROGRESS));
        assertTrue(allowed(TaskState.PROGRESS, "RESIZING"));
        assertTrue(allowed(TaskState.PROGRESS, TaskState.SUCCESS));
        assertTrue(allowed(TaskState.STARTED, TaskState.FAILURE));
        assertTrue(allowed(TaskState.STARTED, TaskState.RETRY));
        assertFalse(allowed(TaskState.STARTED, TaskState.QUEUED));
        assertFalse(allowed(TaskState.STARTED, TaskState.EXPIRED));
    }

    @Test
    void aRunWhoseNodeDied_mayStartAgain() {
        assertTrue(allowed(TaskState.STARTED, TaskState.STARTED));
        assertTrue(allowed(TaskState.PROGRESS, TaskState.STARTED));
    }

    @Test
    void runningStates_areStartedAndCustomOnes() {
        assertTrue(Transitions.isRunning(TaskState.STARTED));
        assertTrue(Transitions.isRunning(TaskState.PROGRESS));
        assertFalse(Transitions.isRunning(TaskState.QUEUED));
        assertFalse(Transitions.isRunning(TaskState.SUCCESS));
        assertThrows(IllegalArgumentException.class, () -> Transitions.isRunning(null));
    }
}
