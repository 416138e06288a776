package io.celerity.internal.execution;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTest {

    @Test
    void aTerminateBeforeTheBodyStarts_interruptsTheBodyWhenItStarts() {
        Run run = new Run("t", "node-a/1");
        run.terminate();
        try {
            run.bodyStarts(Thread.currentThread());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            run.bodyEnds();
        }
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt does not leak to the next body");
    }

    @Test
    void anInterruptAfterTheBodyEnded_doesNotReachThePooledThread() {
        Run run = new Run("t", "node-a/1");
        run.bodyStarts(Thread.currentThread());
        run.bodyEnds();
        run.terminate();
        run.handBack();
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void theSoftLimitIsReportedOnce_andAnAbortCountsOnlyOnceSeen() {
        Run run = new Run("t", "node-a/1");
        assertNull(run.reportSoftLimit());
        run.passSoftLimit("late");
        Thread.interrupted();
        assertEquals("late", run.reportSoftLimit());
        assertNull(run.reportSoftLimit());

        assertFalse(run.abortSeen());
        run.requestAbort();
        assertFalse(run.abortSeen(), "requested but not looked at");
        assertTrue(run.checkAborted());
        assertTrue(run.abortSeen());
    }
}
