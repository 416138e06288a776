package io.celerity.it;

import io.celerity.api.BackgroundTask;
import io.celerity.api.CelerityException;
import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskFailedException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskOptions;
import io.celerity.api.TaskState;
import io.celerity.api.Tasks;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.execution.Runs;
import io.celerity.internal.store.NewTask;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.store.TaskRows;
import io.celerity.internal.store.TaskStore;
import io.celerity.it.control.ControlTasks;
import io.celerity.it.control.RefusingConsumer;
import io.celerity.it.control.SlowLaneWorker;
import io.celerity.it.control.Trail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Task control on Payara Micro: scheduling, expiry, priority, retries, revoke, abort, time limits, rate limits,
 * lifecycle handlers, lost workers and delete. One deployment serves every test; the lease is 3 s and the sweeper
 * runs every 500 ms, so lost-worker cases resolve in seconds.
 */
@ExtendWith(ArquillianExtension.class)
class TaskControlIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("celerity-control", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addPackage(ControlTasks.class.getPackage())
                .addClass(TaskControlIT.class)
                .addAsResource(new StringAsset("""
                        celerity.worker.lease=3s
                        celerity.sweeper.interval=500ms
                        celerity.task."control.configured".max-retries=2
                        celerity.task."control.configured".retry-delay=100ms
                        """), "META-INF/microprofile-config.properties");
    }

    @Inject
    ControlTasks control;

    @Inject
    Tasks tasks;

    @Inject
    Trail trail;

    @Inject
    TaskStore store;

    @Inject
    TaskEntityModel model;

    @Inject
    Messaging messaging;

    @Inject
    Runs runs;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Inject
    CelerityConfig config;

    // --- scheduling --------------------------------------------------------------------------------------------

    @Test
    void aCountdown_keepsTheTaskScheduled_untilItIsDue_thenItRunsOnce() throws Exception {
        String key = key();
        Instant before = Instant.now();
        TaskHandle<String> handle = tasks.with(TaskOptions.none().countdown(Duration.ofSeconds(2)))
                .call(() -> control.echo(key));

        TaskMeta scheduled = row(handle.id());
        assertEquals(TaskState.SCHEDULED, scheduled.getState());
        assertFalse(scheduled.getEta().isBefore(before.plusSeconds(2)), "eta " + scheduled.getEta());

        assertEquals(key, handle.get(WAIT));
        TaskMeta done = row(handle.id());
        assertFalse(done.getStartedAt().isBefore(scheduled.getEta().minusMillis(250)),
                "started " + done.getStartedAt() + " before its eta " + scheduled.getEta());
        assertEquals(1, trail.runs(key));
    }

    @Test
    void anEtaInThePast_runsAtOnce() throws Exception {
        String key = key();
        TaskHandle<String> handle = tasks.with(TaskOptions.none().eta(Instant.now().minusSeconds(60)))
                .call(() -> control.echo(key));
        assertEquals(key, handle.get(WAIT));
    }

    @Test
    void aTaskNotStartedBeforeItExpires_endsExpired_andItsBodyNeverRuns() throws Exception {
        String key = key();
        TaskHandle<String> handle = tasks.with(TaskOptions.none().countdown(Duration.ofSeconds(2))
                .expires(Duration.ofSeconds(1))).call(() -> control.echo(key));

        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(TaskState.EXPIRED, failed.state());
        assertTrue(row(handle.id()).getErrorMessage().startsWith("CELERITY-0221"));
        assertEquals(0, trail.runs(key));
    }

    @Test
    void aWaitingTaskOfHigherPriority_startsFirst() throws Exception {
        int workers = ConfigProvider.getConfig().getValue("celerity.worker.concurrency", Integer.class);
        List<String> blockers = new ArrayList<>();
        List<String> blockerIds = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String blocker = key();
            blockers.add(blocker);
            blockerIds.add(tasks.with(Map.of()).run(() -> control.blocker(blocker)).id());
        }
        try {
            await("every worker is busy", WAIT, () -> blockerIds.stream().allMatch(id -> isRunning(row(id).getState())));
            String prefix = key();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String low = prefix + "-low" + i;
                ids.add(tasks.with(TaskOptions.none().priority(1)).run(() -> control.ordered(low)).id());
            }
            String high = prefix + "-high";
            ids.add(tasks.with(TaskOptions.none().priority(9)).run(() -> control.ordered(high)).id());
            // the outbox sends after the commit: the order counts among the messages the broker holds
            await("the waiting tasks' messages reached the broker", WAIT,
                    () -> ids.stream().allMatch(id -> queuedMessage(id)));

            trail.open(blockers.get(0));
            await("the waiting tasks ran", WAIT, () -> ids.stream().allMatch(id -> TaskState.SUCCESS.equals(row(id).getState())));
            assertEquals("ordered:" + high, trail.startingWith("ordered:" + prefix).get(0),
                    "start order " + trail.startingWith("ordered:" + prefix));
        } finally {
            blockers.forEach(trail::open);
        }
    }

    @Test
    void aSecondQueue_runsWithItsOwnConcurrency_besideTheDefaultOne() throws Exception {
        String first = key();
        String second = key();
        TaskHandle<Void> a = tasks.with(Map.of()).run(() -> control.lane(first));
        TaskHandle<Void> b = tasks.with(Map.of()).run(() -> control.lane(second));
        try {
            await("one lane task runs", WAIT, () -> trail.has("lane started:" + first) || trail.has("lane started:" + second));
            String echo = key();
            assertEquals(echo, control.echo(echo).get(WAIT), "the default queue is not held up");
            assertEquals(1, trail.startingWith("lane started:").stream()
                    .filter(e -> e.endsWith(first) || e.endsWith(second)).count(), "the lane runs one task at a time");
        } finally {
            trail.open(first);
            trail.open(second);
        }
        a.get(WAIT);
        b.get(WAIT);
        assertEquals(SlowLaneWorker.QUEUE, row(a.id()).getQueue());
    }

    @Test
    void aTaskMessageOnAnotherTasksQueue_isRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        messaging.sendTask(SlowLaneWorker.QUEUE, new TaskMessage(id, "control.echo"), new TaskDelivery(null, 4, null, null));

        await("the message is dead-lettered", WAIT, () -> dlqReason(id) != null);
        assertTrue(dlqReason(id).startsWith("CELERITY-0224: task control.echo belongs to queue celerity.tasks"),
                dlqReason(id));
    }

    @Test
    void aTaskMessageWithNoRow_isDeliveredAgain_thenDeadLetteredWithItsReason() {
        String id = UUID.randomUUID().toString();
        messaging.sendTask("celerity.tasks", new TaskMessage(id, "control.echo"), new TaskDelivery(null, 4, null, null));

        await("the orphan message is dead-lettered", WAIT, () -> dlqReason(id) != null);
        assertTrue(dlqReason(id).startsWith("CELERITY-0214: no task row with id " + id + " after 3 deliveries"),
                dlqReason(id));
        assertTrue(store.find(id).isEmpty(), "no row was made for it");
    }

    @Test
    void aMessageTheBrokerDeadLetters_afterItsLastDelivery_leavesNoTaskWaiting_andStaysFiledWithItsReason()
            throws Exception {
        String key = key();
        TaskHandle<String> handle = tasks.with(TaskOptions.none().countdown(Duration.ofHours(1)))
                .call(() -> control.echo(key));
        // the task waits an hour; a copy of its message goes where every delivery fails, like a node dying each time
        messaging.sendTask(RefusingConsumer.QUEUE, new TaskMessage(handle.id(), "control.echo"),
                new TaskDelivery(null, 4, null, null));

        await("the broker's attempts are spent and the task has ended", Duration.ofSeconds(90),
                () -> TaskState.FAILURE.equals(row(handle.id()).getState()));
        assertEquals(5, trail.startingWith("refused:" + handle.id()).size(), "5 deliveries: celerity.# allows 5");
        assertTrue(row(handle.id()).getErrorMessage().startsWith("CELERITY-0228: the broker dead-lettered the message "
                + "of task " + handle.id()), row(handle.id()).getErrorMessage());
        await("the message is filed again with the reason", WAIT, () -> dlqReason(handle.id()) != null);
        assertTrue(dlqReason(handle.id()).startsWith("CELERITY-0228"), dlqReason(handle.id()));
    }

    @Test
    void anEnqueueRetriedWithTheSameTaskId_afterAnAmbiguousCommit_runsOnce() throws Exception {
        String key = key();
        String id = "order-" + key;
        TestTransactions.begin(transaction);
        tasks.with(TaskOptions.none().id(id)).call(() -> control.echo(key));
        transaction.rollback(); // the caller never learnt whether this one committed: it did not

        TaskHandle<String> first = tasks.with(TaskOptions.none().id(id)).call(() -> control.echo(key));
        TaskHandle<String> again = tasks.with(TaskOptions.none().id(id)).call(() -> control.echo(key));

        assertEquals(id, first.id());
        assertEquals(id, again.id());
        assertEquals(key, again.get(WAIT));
        TaskHandle<String> afterItRan = tasks.with(TaskOptions.none().id(id)).call(() -> control.echo(key));
        assertEquals(key, afterItRan.get(WAIT));
        assertEquals(1, trail.runs(key), "one task, one run");
        assertThrows(IllegalArgumentException.class,
                () -> tasks.with(TaskOptions.none().id(id)).run(() -> control.once(key)), "an id of another task");
        assertThrows(IllegalArgumentException.class, () -> TaskOptions.none().id("not a valid id!"));
    }

    @Test
    void concurrentEnqueuesWithTheSameTaskId_makeOneTask_andEveryCallerGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = key();
            String id = "race-" + key;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> callers = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                callers.add(executor.submit(() -> {
                    start.await();
                    return tasks.with(TaskOptions.none().id(id)).call(() -> control.echo(key)).id();
                }));
            }
            start.countDown();
            for (Future<String> caller : callers) {
                assertEquals(id, caller.get(30, TimeUnit.SECONDS), "every caller gets the one task, no key violation");
            }
            // waited for on a managed thread as well: Payara closes this thread's non-transactional entity manager
            // when the managed tasks that shared its invocation end, and a find here would then fail
            assertEquals(key, executor.submit(() -> tasks.handle(id, String.class).get(WAIT)).get(60, TimeUnit.SECONDS));
            assertEquals(1, trail.runs(key), "one task, one run");
        }
    }

    @Test
    void aLifecycleHandlerThatThrows_changesNoOutcome_andAfterReturnStillRuns() throws Exception {
        String key = ControlTasks.HANDLER_THROWS + key();
        TaskHandle<String> handle = control.echo(key);

        assertEquals(key, handle.get(WAIT));
        await("onSuccess threw", WAIT, () -> trail.has("onSuccess:" + handle.id() + ":" + key));
        await("afterReturn is called all the same", WAIT,
                () -> trail.has("afterReturn:" + handle.id() + ":SUCCESS"));
        assertEquals(TaskState.SUCCESS, row(handle.id()).getState());
    }

    @Test
    void aBodyThatLeavesATransactionOpen_fails_andTheTransactionIsRolledBack_soLaterBodiesStillCommit()
            throws Exception {
        String key = key();
        TaskHandle<String> leak = control.leaksTransaction(key);

        assertThrows(TaskFailedException.class, () -> leak.get(WAIT));
        assertTrue(row(leak.id()).getErrorMessage().startsWith("CELERITY-0227"), row(leak.id()).getErrorMessage());
        for (int i = 0; i < 10; i++) {
            String child = control.spawn(key + "-" + i).get(WAIT);
            assertEquals(key + "-" + i, tasks.handle(child, String.class).get(WAIT),
                    "a task enqueued by a later body on the same threads is committed and runs");
        }
    }

    // --- retries -----------------------------------------------------------------------------------------------

    @Test
    void aRetryableFailure_isRetried_withTheAttemptAndTheLastErrorRecorded() throws Exception {
        String key = key();
        TaskHandle<Integer> handle = control.flaky(key, 2);

        assertEquals(3, handle.get(WAIT));
        TaskMeta done = row(handle.id());
        assertEquals(3, done.getAttempt());
        assertEquals(3, trail.runs(key));
        List<String> retries = trail.startingWith("onRetry:" + handle.id());
        assertEquals(List.of("onRetry:" + handle.id() + ":1:flaky run 1", "onRetry:" + handle.id() + ":2:flaky run 2"),
                retries);
        await("both RETRY events are observed", WAIT, () -> trail.startingWith("watched retry:" + handle.id()).size() == 2);
        // the handlers run after the outcome is committed, so after get() may have returned
        await("onSuccess is called", WAIT, () -> trail.has("onSuccess:" + handle.id() + ":3"));
        await("afterReturn is called", WAIT, () -> trail.has("afterReturn:" + handle.id() + ":SUCCESS"));
    }

    @Test
    void aFailureThatNeverRetries_failsAtOnce() throws Exception {
        String key = key();
        TaskHandle<Integer> handle = control.flaky(key, -1);

        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(FileNotFoundException.class.getName(), failed.errorType());
        assertEquals(1, trail.runs(key));
        assertEquals(1, row(handle.id()).getAttempt());
    }

    @Test
    void afterTheLastRetry_theTaskFails_andOnlyTheQualifiedObserverSeesIt() throws Exception {
        String key = key();
        TaskHandle<Void> handle = tasks.with(Map.of()).run(() -> control.stubborn(key));

        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(IOException.class.getName(), failed.errorType());
        assertEquals("stubborn run 3", failed.errorMessage());
        assertEquals(3, trail.runs(key), "the first run and two retries");
        await("onFailure is called", WAIT, () -> trail.has("onFailure:" + handle.id() + ":stubborn run 3"));
        await("the failure event is observed", WAIT, () -> trail.has("watched failure:" + handle.id() + ":FAILURE"));
        assertEquals(1, trail.startingWith("watched failure:").stream().filter(e -> e.contains(handle.id())).count());

        String other = key();
        TaskHandle<Integer> otherFailure = control.flaky(other, -1);
        assertThrows(TaskFailedException.class, () -> otherFailure.get(WAIT));
        await("its events are observed", WAIT, () -> trail.has("event:" + otherFailure.id() + ":FAILURE"));
        assertFalse(trail.startingWith("watched failure:").stream().anyMatch(e -> e.contains(otherFailure.id())),
                "the observer of control.stubborn failures saw a control.flaky failure");
    }

    @Test
    void theConfiguration_overridesTheAnnotationsRetries() throws Exception {
        String key = key();
        TaskHandle<Void> handle = tasks.with(Map.of()).run(() -> control.configured(key));

        assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(3, trail.runs(key));
        assertEquals(2, row(handle.id()).getMaxRetries());
    }

    @Test
    void aPerCallRetryCount_overridesTheAnnotation() throws Exception {
        String key = key();
        TaskHandle<Void> handle = tasks.with(TaskOptions.none().maxRetries(0)).run(() -> control.stubborn(key));

        assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(1, trail.runs(key));
    }

    @Test
    void aTaskMayAskForARetry_withItsOwnCountdown() throws Exception {
        String key = key();
        TaskHandle<Integer> handle = control.asksForRetry(key);

        assertEquals(2, handle.get(WAIT));
        assertEquals(2, row(handle.id()).getAttempt());
        await("onRetry is called", WAIT, () -> trail.has("onRetry:" + handle.id() + ":1:not yet"));
    }

    // --- revoke, abort, delete ---------------------------------------------------------------------------------

    @Test
    void aTaskRevokedBeforeItStarts_neverRuns() throws Exception {
        String key = key();
        TaskHandle<String> revoked = tasks.with(TaskOptions.none().countdown(Duration.ofSeconds(5)))
                .call(() -> control.echo(key));
        String marker = key();
        TaskHandle<String> later = tasks.with(TaskOptions.none().countdown(Duration.ofMillis(5500)))
                .call(() -> control.echo(marker));

        assertTrue(tasks.revoke(revoked.id(), false));

        assertEquals(TaskState.REVOKED, revoked.state());
        assertEquals(marker, later.get(WAIT), "a task due after the revoked one ran");
        assertEquals(0, trail.runs(key));
        assertFalse(tasks.revoke(revoked.id(), true), "a finished task cannot be revoked again");
    }

    @Test
    void revokeWithTerminate_interruptsTheRunningTask_wherever_andTheWorkerGoesOn() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.sleeper(key, 30_000);
        await("the task runs", WAIT, () -> trail.has("started:" + key));

        assertFalse(tasks.revoke(handle.id(), false), "a running task is revoked only with terminate");
        assertTrue(isRunning(handle.state()));
        assertTrue(tasks.revoke(handle.id(), true));

        assertEquals(TaskState.REVOKED, handle.state());
        await("the body is interrupted", WAIT, () -> trail.has("interrupted:" + key));
        String next = key();
        assertEquals(next, control.echo(next).get(WAIT));
        assertEquals(TaskState.REVOKED, handle.state(), "the interrupted body did not overwrite REVOKED");
    }

    @Test
    void anAbortedTask_thatLooks_endsAborted() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.sleeper(key, 30_000);
        await("the task runs", WAIT, () -> trail.has("started:" + key));

        assertTrue(tasks.abort(handle.id()));

        TaskFailedException aborted = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(TaskState.ABORTED, aborted.state());
        assertTrue(trail.has("saw abort:" + key));
        assertNotNull(row(handle.id()).getAbortRequestedAt());
        assertFalse(tasks.abort(handle.id()), "a finished task cannot be aborted");
    }

    @Test
    void anAbortedTask_thatNeverLooks_runsToItsEnd() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.ignorant(key);
        await("the task runs", WAIT, () -> trail.has("started:" + key));

        assertTrue(tasks.abort(handle.id()));
        trail.open(key);

        assertEquals("done anyway", handle.get(WAIT));
        assertNotNull(row(handle.id()).getAbortRequestedAt(), "the request stays recorded");
    }

    @Test
    void aTaskAbortedBeforeItStarts_neverRuns() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.sleeper(key, 10);
        String id = tasks.with(TaskOptions.none().countdown(Duration.ofSeconds(5))).call(() -> control.sleeper(key, 10)).id();

        assertTrue(tasks.abort(id));

        assertEquals(TaskState.ABORTED, row(id).getState());
        assertEquals("slept", handle.get(WAIT));
        String marker = key();
        assertEquals(marker, tasks.with(TaskOptions.none().countdown(Duration.ofSeconds(5)))
                .call(() -> control.echo(marker)).get(WAIT));
        assertEquals(1, trail.runs(key), "only the task that was not aborted ran");
    }

    @Test
    void deletingTasks_finished_running_orUnknown() throws Exception {
        String key = key();
        TaskHandle<String> finished = control.echo(key);
        finished.get(WAIT);
        assertTrue(tasks.delete(finished.id()));
        assertThrows(TaskNotFoundException.class, finished::state);

        String sleeper = key();
        TaskHandle<String> running = control.sleeper(sleeper, 30_000);
        await("the task runs", WAIT, () -> trail.has("started:" + sleeper));
        assertTrue(tasks.delete(running.id()));
        assertThrows(TaskNotFoundException.class, running::state);
        await("the deleted task's body is interrupted", WAIT, () -> trail.has("interrupted:" + sleeper));

        assertFalse(tasks.delete(UUID.randomUUID().toString()));
        assertThrows(TaskNotFoundException.class, () -> tasks.revoke(UUID.randomUUID().toString(), true));
    }

    // --- time limits -------------------------------------------------------------------------------------------

    @Test
    void theSoftTimeLimit_interruptsTheTask_whichMayCleanUpAndSucceed() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.soft(key, true);

        assertEquals("cleaned up", handle.get(WAIT));
        assertTrue(trail.has("soft interrupt:" + key));
        assertTrue(trail.has("soft exception:" + key));
    }

    @Test
    void theSoftTimeLimitException_leftUncaught_failsTheTask() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.soft(key, false);

        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
        assertEquals(TaskState.FAILURE, failed.state());
        assertEquals(SoftTimeLimitExceeded.class.getName(), failed.errorType());
        assertTrue(failed.errorMessage().startsWith("CELERITY-0217"), failed.errorMessage());
    }

    @Test
    void theHardTimeLimit_failsTheTask_abandonsItsThread_andTheWorkerGoesOn() throws Exception {
        String key = key();
        TaskHandle<Void> handle = tasks.with(Map.of()).run(() -> control.spinner(key));
        try {
            TaskFailedException failed = assertThrows(TaskFailedException.class, () -> handle.get(WAIT));
            assertEquals(CelerityException.class.getName(), failed.errorType());
            assertTrue(failed.errorMessage().startsWith("CELERITY-0218: time limit of PT1S exceeded"),
                    failed.errorMessage());
            assertFalse(trail.has("spun out:" + key), "the thread still spins, abandoned");
            for (int i = 0; i < 3; i++) {
                String next = key();
                assertEquals(next, control.echo(next).get(WAIT));
            }
        } finally {
            trail.add("release:" + key);
        }
        await("the abandoned body ends", WAIT, () -> trail.has("spun out:" + key));
        assertEquals(TaskState.FAILURE, handle.state());
    }

    // --- rate limits -------------------------------------------------------------------------------------------

    @Test
    void aRateLimitedTask_waitsForItsSlot_insteadOfFailing() throws Exception {
        String prefix = key();
        List<String> ids = new ArrayList<>();
        Instant enqueued = Instant.now();
        for (int i = 0; i < 8; i++) {
            String key = prefix + i;
            ids.add(tasks.with(Map.of()).run(() -> control.limited(key)).id());
        }

        await("all rate-limited tasks ran", WAIT, () -> ids.stream().allMatch(id -> TaskState.SUCCESS.equals(row(id).getState())));
        List<Instant> starts = ids.stream().map(id -> row(id).getStartedAt()).sorted(Comparator.naturalOrder()).toList();
        // the k-th start waits for the k-th slot, 200 ms after the one before (a busy machine may start any later)
        for (int k = 0; k < starts.size(); k++) {
            Instant slot = enqueued.plusMillis(200L * k);
            assertFalse(starts.get(k).isBefore(slot.minusMillis(5)), "start " + k + " before its slot " + slot + ": " + starts);
        }
    }

    // --- lost workers ------------------------------------------------------------------------------------------

    @Test
    void aTaskWhoseWorkerWasLost_runsAgain_byDefault() throws Exception {
        String key = key();
        String id = insertRunningRow("control.echo", key, "ghost-node/0000", Instant.now().minusSeconds(60));

        await("the task ran again", WAIT, () -> TaskState.SUCCESS.equals(row(id).getState()));
        TaskMeta done = row(id);
        assertEquals(2, done.getAttempt());
        assertEquals(1, trail.runs(key));
        assertTrue(trail.has("event:" + id + ":RETRY"));
    }

    @Test
    void aTaskWhoseWorkerWasLost_failsWhenItsPolicySaysSo() throws Exception {
        String key = key();
        String id = insertRunningRow("control.once", key, "ghost-node/0000", Instant.now().minusSeconds(60));

        await("the task failed", WAIT, () -> TaskState.FAILURE.equals(row(id).getState()));
        assertTrue(row(id).getErrorMessage().startsWith("CELERITY-0220: worker lost: ghost-node/0000"),
                row(id).getErrorMessage());
        assertEquals(0, trail.runs(key));
    }

    @Test
    void aRedeliveredMessage_waitsWhileTheOtherRunnerIsAlive() throws Exception {
        String key = key();
        Instant heartbeat = Instant.now();
        String id = insertRunningRow("control.echo", key, "living-node/0001", heartbeat);
        messaging.sendTask("celerity.tasks", new TaskMessage(id, "control.echo"), new TaskDelivery(null, 4, null, null));

        await("the task ran again once the lease ran out", WAIT, () -> TaskState.SUCCESS.equals(row(id).getState()));
        TaskMeta done = row(id);
        assertFalse(done.getStartedAt().isBefore(heartbeat.plusSeconds(3)),
                "started " + done.getStartedAt() + " while the lease from " + heartbeat + " ran");
        assertEquals(1, trail.runs(key));
    }

    @Test
    void aRunWhoseTaskWasTakenOver_cannotOverwriteIt() throws Exception {
        String key = key();
        TaskHandle<String> handle = control.ignorant(key);
        await("the task runs", WAIT, () -> trail.has("started:" + key));

        // what another node does when this one stalls past its lease: it takes the task for another attempt
        store.locked(handle.id(), locked -> {
            locked.touch(TaskRows.takenOverBy("usurper/0001", Instant.now().plusSeconds(3600)));
            return null;
        });
        trail.open(key);

        await("the first run has ended", WAIT, () -> runs.get(handle.id()).isEmpty());
        TaskMeta row = row(handle.id());
        assertEquals(TaskState.STARTED, row.getState(), "the first run's SUCCESS was refused");
        assertEquals("usurper/0001", row.getRunner());
        assertTrue(tasks.delete(handle.id()));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String insertRunningRow(String task, String key, String runner, Instant heartbeat) throws Exception {
        TestTransactions.begin(transaction);
        NewTask row = TaskRows.queued(model.newTask(), task).arguments("[\"" + key + "\"]").running(runner, heartbeat)
                .row();
        store.insert(row, Map.of(), Map.of(), null, null, true);
        transaction.commit();
        return row.task().getId();
    }

    private String dlqReason(String id) {
        return broker().deadLetterReason(id);
    }

    private boolean queuedMessage(String id) {
        return broker().hasMessageFor(id, BackgroundTask.DEFAULT_QUEUE);
    }

    private TaskMeta row(String id) {
        return store.find(id).orElseThrow();
    }

    private static boolean isRunning(String state) {
        return TaskState.STARTED.equals(state) || TaskState.PROGRESS.equals(state);
    }

    private static String key() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private BrokerProbe broker() {
        return new BrokerProbe(config);
    }
}
