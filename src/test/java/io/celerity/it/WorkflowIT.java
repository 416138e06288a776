package io.celerity.it;

import io.celerity.api.Canvas;
import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.Signature;
import io.celerity.api.TaskFailedException;
import io.celerity.api.TaskFailure;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskOptions;
import io.celerity.api.TaskState;
import io.celerity.api.Tasks;
import io.celerity.api.WorkflowHandle;
import io.celerity.api.WorkflowState;
import io.celerity.api.Workflows;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.it.workflow.Runs;
import io.celerity.it.workflow.Steps;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflows on one node: chains, groups, chords, links and error callbacks, nested, revoked, refused when they cannot
 * run, and recorded atomically with the caller's transaction.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("workflow-it", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addPackage(Steps.class.getPackage())
                .addClass(WorkflowIT.class);
    }

    @Inject
    Workflows workflows;

    @Inject
    Tasks tasks;

    @Inject
    Steps steps;

    @Inject
    Runs runs;

    @Inject
    UserTransaction transaction;

    @Inject
    Messaging messaging;

    @PersistenceContext
    EntityManager em;

    @Test
    void chain_passesEachResultOn_andEveryTaskNamesItsWorkflowAndParent() throws Exception {
        Signature<Integer> first = workflows.signature(() -> steps.add(2, 2));
        WorkflowHandle<Integer> chain = workflows.start(Canvas.chain(first,
                workflows.signature(() -> steps.add(0, 4)), workflows.signature(() -> steps.add(0, 8))));

        assertEquals(16, chain.get(WAIT));
        List<TaskMeta> members = members(chain.id());
        assertEquals(3, members.size());
        TaskMeta root = task(chain.id());
        assertEquals(first.taskName(), root.getTaskName());
        assertNull(root.getParentId());
        for (TaskMeta member : members) {
            assertEquals(TaskState.SUCCESS, member.getState());
            assertEquals(chain.id(), member.getRootId());
        }
        TaskMeta second = members.stream().filter(m -> chain.id().equals(m.getParentId())).findFirst().orElseThrow();
        assertEquals("[4,4]", second.getArguments());
        TaskMeta third = members.stream().filter(m -> second.getId().equals(m.getParentId())).findFirst()
                .orElseThrow();
        assertEquals("[8,8]", third.getArguments());
        assertEquals(Map.of(TaskState.SUCCESS, 3L), chain.state().counts());
    }

    @Test
    void group_returnsEveryResultInOrder_andCountsItsTasks() throws Exception {
        WorkflowHandle<List<Integer>> group = workflows.start(workflows.map(
                IntStream.rangeClosed(1, 12).boxed().toList(), i -> steps.add(i, i)));

        assertEquals(IntStream.rangeClosed(1, 12).map(i -> 2 * i).boxed().toList(), group.get(WAIT));
        WorkflowState state = group.state();
        assertEquals(12, state.total());
        assertEquals(12, state.succeeded());
        assertTrue(state.isDone());
    }

    @Test
    void chord_bodyRunsOnce_withEveryResult_evenWhenAMemberIsRetried() throws Exception {
        String marker = "chord-" + UUID.randomUUID();
        WorkflowHandle<Integer> chord = workflows.start(Canvas.chord(
                Canvas.group(workflows.signature(() -> steps.flaky(1000)),
                        workflows.signature(() -> steps.add(1, 1))),
                workflows.signature(() -> steps.sum(null, marker))));

        assertEquals(1002, chord.get(WAIT));
        assertEquals(List.of(List.of(1000, 2)), runs.of(marker));
        TaskMeta flaky = members(chord.id()).stream().filter(m -> m.getTaskName().equals("wf-flaky")).findFirst()
                .orElseThrow();
        assertEquals(2, flaky.getAttempt());

        String many = "chord-many-" + UUID.randomUUID();
        WorkflowHandle<Integer> wide = workflows.start(Canvas.chord(
                workflows.map(IntStream.range(0, 200).boxed().toList(), i -> steps.add(i, 0)),
                workflows.signature(() -> steps.sum(null, many))));
        assertEquals(199 * 200 / 2, wide.get(WAIT));
        Eventually.await("the body's run is recorded", WAIT, () -> runs.of(many).size() == 1);
        assertEquals(1, runs.of(many).size());
        TaskMeta body = members(wide.id()).stream().filter(m -> m.getTaskName().equals("wf-sum")).findFirst()
                .orElseThrow();
        assertEquals(1, body.getAttempt());
        assertEquals(0, body.getWaitsFor());
        assertEquals(201, wide.state().succeeded());
    }

    @Test
    void aMessageDeliveredAgain_forAMemberThatEnded_doesNotCountItTwice() throws Exception {
        String marker = "again-" + UUID.randomUUID();
        WorkflowHandle<Integer> chord = workflows.start(Canvas.chord(
                Canvas.group(workflows.signature(() -> steps.slow(100, 3_000)),
                        workflows.signature(() -> steps.add(1, 1))),
                workflows.signature(() -> steps.sum(null, marker))));
        TaskMeta quick = members(chord.id()).stream().filter(m -> m.getTaskName().equals("wf-add")).findFirst()
                .orElseThrow();
        Eventually.await("the quick member ends", WAIT, () -> TaskState.SUCCESS.equals(task(quick.getId()).getState()));
        for (int i = 0; i < 3; i++) {
            messaging.sendTask(quick.getQueue(), new TaskMessage(quick.getId(), quick.getTaskName()),
                    TaskDelivery.of(quick, quick.getId() + "#again-" + i));
        }

        assertEquals(102, chord.get(WAIT), "the body waited for the slow member");
        assertEquals(List.of(List.of(100, 2)), runs.of(marker));
        assertEquals(1, task(quick.getId()).getAttempt());
    }

    @Test
    void aFailedMember_skipsTheBody_andRunsTheErrorCallbackOnce() throws Exception {
        String body = "never-" + UUID.randomUUID();
        String errors = "errors-" + UUID.randomUUID();
        WorkflowHandle<Integer> chord = workflows.start(Canvas.chord(
                        Canvas.group(workflows.signature(() -> steps.add(1, 1)), workflows.signature(() -> steps.fail(1)),
                                workflows.signature(() -> steps.fail(2))),
                        workflows.signature(() -> steps.sum(null, body)))
                .onError(workflows.signatureOf(() -> steps.onError(null, errors))));

        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> chord.get(WAIT));
        assertEquals(TaskState.FAILURE, failed.state());
        Eventually.await("the workflow ends", WAIT, () -> chord.state().isDone());
        Eventually.await("the error callback ran", WAIT, () -> runs.of(errors).size() == 1);
        TaskFailure failure = assertInstanceOf(TaskFailure.class, runs.of(errors).get(0));
        assertEquals("wf-fail", failure.taskName());
        assertEquals(IllegalStateException.class.getName(), failure.errorType());
        assertTrue(failure.errorMessage().startsWith("fails on purpose"));
        List<String> failedIds = members(chord.id()).stream().filter(m -> m.getTaskName().equals("wf-fail"))
                .map(TaskMeta::getId).toList();
        assertTrue(failedIds.contains(failed.taskId()), failedIds + " " + failed.taskId());
        assertTrue(failedIds.contains(failure.taskId()), failedIds + " " + failure.taskId());
        assertEquals(List.of(), runs.of(body));
        WorkflowState state = chord.state();
        assertEquals(2, state.failed());
        assertEquals(1, state.count(TaskState.SKIPPED));
        assertEquals(2, state.succeeded()); // add and the error callback
    }

    @Test
    void aFailedStep_stopsTheChain_theRestIsSkipped_andAnUnneededErrorCallbackIsSkipped() throws Exception {
        String errors = "chain-errors-" + UUID.randomUUID();
        WorkflowHandle<Integer> broken = workflows.start(Canvas.<Integer>chain(
                        workflows.signature(() -> steps.add(1, 1)), workflows.signature(() -> steps.fail(0)),
                        workflows.signature(() -> steps.add(0, 1)), workflows.signature(() -> steps.add(0, 1)))
                .onError(workflows.signatureOf(() -> steps.onError(null, errors))));

        assertThrows(TaskFailedException.class, () -> broken.get(WAIT));
        Eventually.await("the workflow ends", WAIT, () -> broken.state().isDone());
        assertEquals(2, broken.state().count(TaskState.SKIPPED));
        assertEquals(1, runs.of(errors).size());
        String skipped = members(broken.id()).stream().filter(m -> TaskState.SKIPPED.equals(m.getState()))
                .findFirst().orElseThrow().getId();
        assertTrue(assertThrows(IllegalStateException.class, () -> tasks.retry(skipped)).getMessage()
                .startsWith("CELERITY-0130"));

        String unneeded = "unneeded-" + UUID.randomUUID();
        WorkflowHandle<Integer> fine = workflows.start(Canvas.<Integer>chain(
                        workflows.signature(() -> steps.add(1, 1)), workflows.signature(() -> steps.add(0, 1)))
                .onError(workflows.signatureOf(() -> steps.onError(null, unneeded))));
        assertEquals(3, fine.get(WAIT));
        Eventually.await("the error callback is skipped", WAIT, () -> fine.state().isDone());
        assertEquals(1, fine.state().count(TaskState.SKIPPED));
        assertEquals(List.of(), runs.of(unneeded));
    }

    @Test
    void links_receiveTheResult_unlessImmutable_andNestedWorkflowsPassListsOn() throws Exception {
        String linked = "linked-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        WorkflowHandle<Integer> add = workflows.start(workflows.signature(() -> steps.add(20, 1))
                .link(workflows.signatureOf(() -> steps.record(null, linked)))
                .link(workflows.signatureOf(() -> steps.record(7, kept)).immutable()));
        assertEquals(21, add.get(WAIT));
        Eventually.await("both callbacks ran", WAIT, () -> runs.of(linked).size() == 1 && runs.of(kept).size() == 1);
        assertEquals(List.of(21), runs.of(linked));
        assertEquals(List.of(7), runs.of(kept));

        String nested = "nested-" + UUID.randomUUID();
        // a chain holding groups of groups and chains, then a chord inside the chain
        WorkflowHandle<Integer> tree = workflows.start(Canvas.<Integer>chain(
                workflows.signature(() -> steps.add(1, 1)),
                Canvas.group(
                        Canvas.group(workflows.signature(() -> steps.add(0, 1)),
                                Canvas.<Integer>chain(workflows.signature(() -> steps.add(0, 2)),
                                        workflows.signature(() -> steps.add(0, 3)))),
                        Canvas.group(workflows.signature(() -> steps.add(0, 0)),
                                workflows.signature(() -> steps.add(0, 10)))),
                workflows.signature(() -> steps.nestedSum(null, nested)),
                Canvas.chord(Canvas.group(workflows.signature(() -> steps.add(0, 0)),
                                workflows.signature(() -> steps.add(0, 1))),
                        workflows.signature(() -> steps.sum(null, nested)))));
        // 2 → [[3, 7], [2, 12]] → 24 → [24, 25] → 49
        assertEquals(49, tree.get(WAIT));
        assertEquals("[[[3, 7], [2, 12]], [24, 25]]", runs.of(nested).toString());
        assertEquals(10, tree.state().succeeded());
    }

    @Test
    void aWaitingTasksExpiry_countsFromItsRelease() throws Exception {
        // wf-expiring expires 1 s after its enqueue; it waits 2 s for the slow task
        WorkflowHandle<Integer> chain = workflows.start(Canvas.chain(workflows.signature(() -> steps.slow(5, 2_000)),
                workflows.signature(() -> steps.expiring(0))));
        assertEquals(5, chain.get(WAIT));
    }

    @Test
    void revokingTheRoot_revokesEveryTaskNotEnded() throws Exception {
        WorkflowHandle<Integer> waiting = workflows.start(Canvas.chord(
                Canvas.group(workflows.signature(() -> steps.add(1, 1)).with(TaskOptions.none()
                                .countdown(Duration.ofHours(1))),
                        workflows.signature(() -> steps.add(2, 2)).with(TaskOptions.none()
                                .countdown(Duration.ofHours(1)))),
                workflows.signature(() -> steps.sum(null, "revoked"))));
        assertTrue(tasks.revoke(waiting.id(), false));
        Eventually.await("the workflow ends", WAIT, () -> waiting.state().isDone());
        assertEquals(Map.of(TaskState.REVOKED, 3L), waiting.state().counts());

        WorkflowHandle<Integer> running = workflows.start(Canvas.chain(workflows.signature(() -> steps.slow(1, 60_000)),
                workflows.signature(() -> steps.add(0, 1))));
        Eventually.await("the slow task runs", WAIT, () -> TaskState.STARTED.equals(task(running.id()).getState()));
        assertEquals(2, running.revoke(true));
        Eventually.await("the workflow ends", WAIT, () -> running.state().isDone());
        assertEquals(Map.of(TaskState.REVOKED, 2L), running.state().counts());
    }

    @Test
    void workflowsThatCannotRun_areRefusedWhenStarted_andRecordNothing() {
        long before = count();
        Signature<String> text = workflows.signature(() -> steps.text(1));
        String mismatch = refused(Canvas.chain(text, workflows.signature(() -> steps.add(0, 1))));
        assertTrue(mismatch.startsWith("CELERITY-0804"), mismatch);
        assertTrue(mismatch.contains("java.lang.String") && mismatch.contains("int"), mismatch);
        assertTrue(refused(Canvas.chord(Canvas.group(text, text), workflows.signature(() -> steps.sum(null, "x"))))
                .startsWith("CELERITY-0804"));
        assertTrue(refused(Canvas.chain(text, workflows.signatureOf(() -> steps.noParameter())))
                .startsWith("CELERITY-0803"));
        assertTrue(refused(Canvas.chain(text, workflows.signature(() -> steps.add(0, 1)).immutable()
                .with(TaskOptions.none().countdown(Duration.ofSeconds(5))))).startsWith("CELERITY-0805"));
        assertTrue(refused(workflows.signature(() -> steps.add(0, 1)).with(TaskOptions.none().id("mine")))
                .startsWith("CELERITY-0805"));
        assertTrue(refused(Canvas.chain(text, workflows.signature(() -> steps.add(0, 1)).immutable()
                .with(TaskOptions.none().expires(Duration.ofMinutes(5))))).startsWith("CELERITY-0805"));
        assertTrue(refused(Canvas.group(List.<Signature<Integer>>of())).startsWith("CELERITY-0802"));
        assertTrue(refused(text.onError(workflows.signature(() -> steps.add(0, 1)))).startsWith("CELERITY-0804"));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> workflows.signatureOf(() -> { }));
        assertTrue(none.getMessage().startsWith("CELERITY-0801"));
        assertEquals(before, count());
        // an immutable signature receives nothing
        assertTrue(workflows.start(Canvas.chain(text, workflows.signature(() -> steps.add(0, 1)).immutable(),
                workflows.signatureOf(() -> steps.record(null, "any")))).id() != null);
    }

    @Test
    void aWorkflowStartedInATransactionThatRollsBack_leavesNoTrace() throws Exception {
        String marker = "rolled-back-" + UUID.randomUUID();
        TestTransactions.begin(transaction);
        String root;
        try {
            root = workflows.start(Canvas.chord(Canvas.group(workflows.signature(() -> steps.add(1, 1)),
                    workflows.signature(() -> steps.add(1, 1))), workflows.signature(() -> steps.sum(null, marker))))
                    .id();
            assertEquals(3L, membersCount(root));
        } finally {
            transaction.rollback();
        }
        assertEquals(0L, membersCount(root));
        WorkflowHandle<Integer> committed = workflows.start(workflows.signature(() -> steps.add(5, 5)));
        assertEquals(10, committed.get(WAIT));
        assertEquals(List.of(), runs.of(marker));
    }

    private String refused(Canvas<?> canvas) {
        return assertThrows(IllegalArgumentException.class, () -> workflows.start(canvas)).getMessage();
    }

    private TaskMeta task(String id) {
        return em.createQuery("SELECT t FROM DefaultTaskMeta t WHERE t.id = :id", DefaultTaskMeta.class)
                .setParameter("id", id).getSingleResult();
    }

    private List<TaskMeta> members(String root) {
        return em.createQuery("SELECT t FROM DefaultTaskMeta t WHERE t.rootId = :root", TaskMeta.class)
                .setParameter("root", root).getResultList();
    }

    private long membersCount(String root) {
        return em.createQuery("SELECT COUNT(t) FROM DefaultTaskMeta t WHERE t.rootId = :root", Long.class)
                .setParameter("root", root).getSingleResult();
    }

    private long count() {
        return em.createQuery("SELECT COUNT(t) FROM DefaultTaskMeta t", Long.class).getSingleResult();
    }
}
