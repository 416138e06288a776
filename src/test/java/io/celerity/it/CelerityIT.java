package io.celerity.it;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskEvent;
import io.celerity.api.TaskFailedException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskState;
import io.celerity.api.TaskOptions;
import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.Tasks;
import io.celerity.demo.Account;
import io.celerity.demo.AdditionResource;
import io.celerity.demo.AsyncTask;
import io.celerity.demo.Provider;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.events.EventListeners;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.metrics.PrometheusText;
import io.celerity.internal.metrics.TaskMetrics;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.NewTask;
import io.celerity.internal.store.StateHistory;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.store.TaskRows;
import io.celerity.internal.store.TaskStore;
import io.celerity.it.app.Calculator;
import io.celerity.it.app.EventLog;
import io.celerity.it.app.Fixtures;
import io.celerity.it.app.Invocations;
import io.celerity.it.app.Mailer;
import io.celerity.it.app.Shapes;
import io.celerity.it.app.Tripwire;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static io.celerity.it.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Celerity end to end on Payara Micro with the embedded Artemis broker, on H2 or PostgreSQL: one deployment serves
 * every test. The application is the seed's: AsyncTask rows with owner, provider, name and progress.
 */
@ExtendWith(ArquillianExtension.class)
class CelerityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("celerity-it", "")
                .addPackage(AsyncTask.class.getPackage())
                .addPackage(Calculator.class.getPackage())
                .addClass(CelerityIT.class);
    }

    @Inject
    Calculator calculator;

    @Inject
    Shapes shapes;

    @Inject
    Mailer mailer;

    @Inject
    Tasks tasks;

    @Inject
    Fixtures fixtures;

    @Inject
    Invocations invocations;

    @Inject
    EventLog events;

    @Inject
    TaskStore store;

    @Inject
    TaskEntityModel model;

    @Inject
    Messaging messaging;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    CelerityConfig config;

    @Inject
    EventListeners listeners;

    @Inject
    TaskMetrics metrics;

    @ArquillianResource
    URL base;

    @Test
    void seedExample_theDemosLongAddition_overItsRestApi() throws Exception {
        Account owner = fixtures.account("alice");
        Provider provider = fixtures.provider("acme");
        Provider other = fixtures.provider("other");

        String sumId = add(addition(1, 2, provider.getId()) + ", \"owner\": " + owner.getId() + "}");
        String zeroId = add(addition(0, 0, provider.getId()) + ", \"owner\": " + owner.getId() + "}");
        String elsewhereId = add(addition(5, 5, other.getId()) + ", \"owner\": " + owner.getId() + "}");

        assertEquals(3, tasks.handle(sumId, Integer.class).get(WAIT));
        TaskFailedException zero = assertThrows(TaskFailedException.class,
                () -> tasks.handle(zeroId, Integer.class).get(WAIT));
        assertEquals("x + y must not be 0", zero.errorMessage());
        assertEquals(10, tasks.handle(elsewhereId, Integer.class).get(WAIT));

        AsyncTask row = em.find(AsyncTask.class, sumId);
        assertEquals("long-addition", row.getTaskName());
        assertEquals(AsyncTask.LONG, row.getTaskType());
        assertEquals("Long addition", row.getName());
        assertEquals(owner.getId(), row.getOwner().getId());
        assertEquals(provider.getId(), row.getProvider().getId());
        assertEquals(100, row.getCurrent());
        assertEquals(100, row.getTotal());
        assertEquals("3", row.getResult());
        assertEquals(BackgroundTask.DEFAULT_QUEUE, row.getQueue());
        assertNotNull(row.getStarted());
        assertFalse(row.getFinished().isBefore(row.getStarted()));
        assertEquals(67, em.find(AsyncTask.class, zeroId).getCurrent());
        await("the SUCCESS event", WAIT, () -> events.of(sumId).stream().anyMatch(TaskEvent::isTerminal));
        assertEquals(List.of(0L, 33L, 67L, 100L), events.of(sumId).stream()
                .map(e -> ((Number) e.fields().get("current")).longValue()).distinct().toList());
        assertEquals(AsyncTask.class, model.entityClass());
        assertFalse(em.getEntityManagerFactory().getCache().contains(AsyncTask.class, sumId),
                "task rows bypass the shared cache");
        Number recent = (Number) em.createNativeQuery("select count(*) from async_task where id = ?1 and "
                + "created_at > current_timestamp - interval '1' hour and finished_at >= started_at")
                .setParameter(1, sumId).getSingleResult();
        assertEquals(1, recent.intValue(), "times are SQL timestamps, comparable in queries");

        String listing = get("api/providers/" + provider.getId() + "/tasks");
        assertTrue(listing.contains(sumId) && listing.contains(zeroId) && !listing.contains(elsewhereId), listing);
        assertTrue(listing.contains("\"state\":\"SUCCESS\"") && listing.contains("\"state\":\"FAILURE\""), listing);
    }

    @Test
    void everyChange_isAnnouncedAfterCommit_withIncreasingVersions() throws Exception {
        TaskHandle<Integer> sum = calculator.add(2, 3);
        assertEquals(5, sum.get(WAIT));

        // events of different transactions arrive in any order: wait for all six
        await("six events", WAIT, () -> events.of(sum.id()).size() >= 6);
        List<TaskEvent> seen = events.of(sum.id());
        assertEquals(List.of(TaskState.QUEUED, TaskState.STARTED, TaskState.PROGRESS, TaskState.PROGRESS,
                TaskState.PROGRESS, TaskState.SUCCESS), seen.stream().map(TaskEvent::state).toList());
        assertEquals(List.of(0L, 0L, 33L, 67L, 100L, 100L),
                seen.stream().map(e -> ((Number) e.fields().get("current")).longValue()).toList());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).version() > seen.get(i - 1).version(), "versions increase: " + seen);
        }
        assertEquals("Quick addition", seen.get(0).fields().get("name"));
        assertEquals(em.find(AsyncTask.class, sum.id()).getVersion(), seen.get(seen.size() - 1).version());
    }

    @Test
    void failure_isRecordedAsTypeMessageAndTrace_andThrownByGet() throws Exception {
        TaskHandle<Integer> zero = calculator.add(0, 0);

        TaskFailedException failure = assertThrows(TaskFailedException.class, () -> zero.get(WAIT));
        assertEquals(TaskState.FAILURE, failure.state());
        assertEquals(IllegalArgumentException.class.getName(), failure.errorType());
        assertEquals("x + y must not be 0", failure.errorMessage());
        assertTrue(failure.remoteTrace().contains("Calculator.add"), failure.remoteTrace());
        AsyncTask row = em.find(AsyncTask.class, zero.id());
        assertEquals(TaskState.FAILURE, row.getState());
        assertEquals(67, row.getCurrent());
        assertNull(row.getResult());
    }

    @Test
    void providerTasks_excludingRevoked_isAPlainQuery() throws Exception {
        Provider mine = fixtures.provider("mine");
        Provider other = fixtures.provider("other");
        TaskHandle<Integer> kept = tasks.with(Map.of("provider", mine)).call(() -> calculator.add(1, 1));
        TaskHandle<Integer> revoked = tasks.with(Map.of("provider", mine)).call(() -> calculator.add(1, 1));
        TaskHandle<Integer> elsewhere = tasks.with(Map.of("provider", other)).call(() -> calculator.add(1, 1));
        kept.get(WAIT);
        revoked.get(WAIT);
        elsewhere.get(WAIT);
        // revoking is the task-control issue's; here the row is put in that state directly
        TestTransactions.begin(transaction);
        em.createQuery("update AsyncTask t set t.state = :s where t.id = :id")
                .setParameter("s", TaskState.REVOKED).setParameter("id", revoked.id()).executeUpdate();
        transaction.commit();

        List<String> ids = em.createQuery("select t.id from AsyncTask t where t.provider.id = :provider "
                        + "and t.state <> :revoked order by t.createdAt desc", String.class)
                .setParameter("provider", mine.getId()).setParameter("revoked", TaskState.REVOKED).getResultList();
        assertEquals(List.of(kept.id()), ids);
    }

    @Test
    void enqueueInsideATransaction_rolledBack_leavesNoRowAndNoMessage() throws Exception {
        String marker = "rollback-" + UUID.randomUUID();
        int x = Math.abs(marker.hashCode() % 100_000) + 1;

        TestTransactions.begin(transaction);
        TaskHandle<Integer> doomed = calculator.add(x, 1_000_000);
        assertEquals(TaskState.QUEUED, doomed.state(), "visible inside the transaction");
        transaction.rollback();

        assertThrows(TaskNotFoundException.class, doomed::state);
        // a task enqueued afterwards runs; had the rolled-back message been sent, its body would have run too
        TaskHandle<Integer> later = calculator.add(1, 1);
        later.get(WAIT);
        assertNoMessageFor(doomed.id(), "celerity.tasks");
        assertNoMessageFor(doomed.id(), "celerity.dlq");
        assertFalse(invocations.sawMarker("add:" + x + "+1000000"));
    }

    @Test
    void enqueueInsideATransaction_runsOnlyAfterCommit() throws Exception {
        TestTransactions.begin(transaction);
        TaskHandle<Integer> pending = calculator.add(20, 22);
        Thread.sleep(300); // a worker that could see the message would start it now; none can before the commit
        assertEquals(0, invocations.count(pending.id()));
        assertEquals(TaskState.QUEUED, pending.state());
        transaction.commit();

        assertEquals(42, pending.get(WAIT));
        assertEquals(1, invocations.count(pending.id()));
    }

    @Test
    void enqueueWithoutATransaction_isATransactionOfItsOwn() throws Exception {
        TaskHandle<Integer> sum = calculator.add(4, 4);
        assertNotNull(store.find(sum.id()).orElse(null), "committed at once");
        assertEquals(8, sum.get(WAIT));
    }

    @Test
    void aTaskLongerThanTheTransactionTimeout_completes_reportingProgress() throws Exception {
        TaskHandle<Long> slow = calculator.slowCount(12); // 6 s, the test server's JTA timeout is 4 s

        assertEquals(12L, slow.get(Duration.ofSeconds(60)));
        await("twelve progress events", WAIT, () -> events.of(slow.id()).stream()
                .filter(e -> TaskState.PROGRESS.equals(e.state())).count() >= 12);
        AsyncTask row = em.find(AsyncTask.class, slow.id());
        assertEquals(12, row.getCurrent());
        assertEquals(12, row.getTotal());
    }

    @Test
    void aRedeliveredMessageForAFinishedTask_doesNothing() throws Exception {
        TaskHandle<Integer> sum = calculator.add(5, 5);
        assertEquals(10, sum.get(WAIT));
        long version = em.find(AsyncTask.class, sum.id()).getVersion();

        // the same task message again, as the broker would redeliver it (no duplicate-detection id, so it arrives)
        messaging.send("celerity.tasks", false, new TaskMessage(sum.id(), "quick-addition").toJson(),
                Map.of(TaskMessage.ID_PROPERTY, sum.id(), TaskMessage.TASK_PROPERTY, "quick-addition"), true);
        await("the queue is drained", WAIT, () -> !hasMessageFor(sum.id(), "celerity.tasks"));
        TaskHandle<Integer> after = calculator.add(1, 1);
        after.get(WAIT);

        assertEquals(1, invocations.count(sum.id()));
        AsyncTask row = em.find(AsyncTask.class, sum.id());
        assertEquals(TaskState.SUCCESS, row.getState());
        assertEquals(version, row.getVersion());
    }

    @Test
    void aMalformedMessage_endsInTheDeadLetterQueue_withItsTaskFailed() throws Exception {
        String id = insertQueuedRow("quick-addition");

        messaging.send("celerity.tasks", false, "{not json", Map.of(TaskMessage.ID_PROPERTY, id), true);

        await("the message is dead-lettered", WAIT, () -> hasMessageFor(id, "celerity.dlq"));
        await("the task is FAILURE", WAIT, () -> TaskState.FAILURE.equals(store.find(id).orElseThrow().getState()));
        AsyncTask row = em.find(AsyncTask.class, id);
        assertTrue(row.getErrorMessage().startsWith("CELERITY-0202"), row.getErrorMessage());
        assertEquals("CELERITY-0202", dlqReason(id).substring(0, 13));
    }

    @Test
    void theBroker_refusesAnonymousAndWrongLogins_andTheApplicationUserMayNeitherManageNorLeaveCelerityAddresses()
            throws Exception {
        BrokerLogin broker = new BrokerLogin(config);
        assertNotNull(broker.refusal(null, null), "an anonymous login is refused");
        assertNotNull(broker.refusal("celerity", "not-the-password"), "a wrong password is refused");
        assertNotNull(broker.refusal("admin", "admin"), "no default account");
        // WildFly's own broker (zero-setup) is reached in-VM only: no network user exists there at all
        if (BrokerLogin.applicationPassword().isPresent() && !isWildFlyOwnBroker()) {
            String password = BrokerLogin.applicationPassword().get();
            assertNull(broker.refusal(config.brokerUser(), password), "the application's user logs in");
            assertNull(broker.browse(config.brokerUser(), password, "celerity.tasks"));
            assertNotNull(broker.createForeignQueue(config.brokerUser(), password), "only Celerity's addresses");
            assertNull(broker.manage(config.brokerUser(), password, ResourceNames.BROKER, "listQueues",
                    "{\"field\":\"name\",\"operation\":\"CONTAINS\",\"value\":\"celerity.\"}", 1, 10),
                    "the queue listing the dashboard shows");
            assertNotNull(broker.manage(config.brokerUser(), password, ResourceNames.BROKER, "getVersion"),
                    "no other management, not even reading");
            assertNotNull(broker.manage(config.brokerUser(), password, ResourceNames.BROKER, "destroyQueue",
                    "celerity.tasks"), "nor changing");
        }
    }

    private boolean isWildFlyOwnBroker() {
        return !config.embeddedBroker() && System.getenv("CELERITY_BROKER_HOST") == null;
    }

    @Test
    void anObjectMessage_isNeverDeserialised_andEndsInTheDeadLetterQueue_withItsTaskFailed() throws Exception {
        String id = insertQueuedRow("quick-addition");

        broker().sendObject("celerity.tasks", id, new Tripwire());

        await("the message is dead-lettered", WAIT, () -> hasMessageFor(id, "celerity.dlq"));
        await("the task is FAILURE", WAIT, () -> TaskState.FAILURE.equals(store.find(id).orElseThrow().getState()));
        assertTrue(dlqReason(id).startsWith("CELERITY-0201"), dlqReason(id));
        assertFalse(Tripwire.deserialised(), "no worker deserialised the object");
    }

    @Test
    void aMessageForAnUnknownTask_endsInTheDeadLetterQueue_withItsTaskFailed() throws Exception {
        String id = insertQueuedRow("no-such-task");

        messaging.sendTask("celerity.tasks", new TaskMessage(id, "no-such-task"), new TaskDelivery(null, 4, null, id));

        await("the message is dead-lettered", WAIT, () -> hasMessageFor(id, "celerity.dlq"));
        await("the task is FAILURE", WAIT, () -> TaskState.FAILURE.equals(store.find(id).orElseThrow().getState()));
        assertTrue(em.find(AsyncTask.class, id).getErrorMessage().contains("unknown task 'no-such-task'"));
        assertTrue(dlqReason(id).startsWith("CELERITY-0205"));
    }

    @Test
    void anUnknownTaskId_isAnError_notPending() {
        assertThrows(TaskNotFoundException.class, () -> tasks.handle(UUID.randomUUID().toString(), Integer.class));
    }

    @Test
    void argumentsAndResults_travelAsJson_withTheirDeclaredTypes() throws Exception {
        Shapes.Box box = new Shapes.Box("door", new BigDecimal("0.9"), new BigDecimal("2.1"), Shapes.Unit.M,
                List.of("wood", "white"));

        TaskHandle<Shapes.Area> area = shapes.area(box, LocalDate.of(2026, 11, 21));

        Shapes.Area result = area.get(WAIT);
        assertEquals(new BigDecimal("1.89"), result.area());
        assertEquals(Shapes.Unit.M, result.unit());
        assertEquals(LocalDate.of(2026, 11, 21), result.measured());
        assertEquals(Map.of("tags", 2), result.counts());
        String arguments = em.find(AsyncTask.class, area.id()).getArguments();
        assertTrue(arguments.startsWith("[{") && arguments.contains("\"label\":\"door\""), arguments);
        assertEquals(Shapes.class.getName() + ".area", em.find(AsyncTask.class, area.id()).getTaskName());
    }

    @Test
    void aVoidTaskOnAnEjb_runs_andItsHandleComesFromTasksWith() throws Exception {
        Account bob = fixtures.account("bob");

        TaskHandle<Void> mail = tasks.with(Map.of("owner", bob.getId(), "name", "Welcome mail"))
                .run(() -> mailer.send("bob@example.org"));

        assertNull(mail.get(WAIT));
        assertEquals(1, invocations.count(mail.id()));
        AsyncTask row = em.find(AsyncTask.class, mail.id());
        assertEquals("Welcome mail", row.getName());
        assertEquals(bob.getId(), row.getOwner().getId());
        assertEquals(AsyncTask.SHORT, row.getTaskType());
    }

    @Test
    void badFieldsAtEnqueue_areRefusedWithAClearError_andNothingIsRecorded() throws Exception {
        long before = countTasks();
        TestTransactions.begin(transaction);
        assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("colour", "red")).call(() -> calculator.add(1, 1)));
        TaskHandle<Integer> afterwards = calculator.add(2, 2);
        transaction.commit(); // the refused call left the caller's transaction usable
        assertEquals(4, afterwards.get(WAIT));
        before++;

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("colour", "red")).call(() -> calculator.add(1, 1)));
        assertTrue(unknown.getMessage().startsWith("CELERITY-0303"), unknown.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("total", "many")).call(() -> calculator.add(1, 1)));
        assertTrue(wrongType.getMessage().startsWith("CELERITY-0304"), wrongType.getMessage());
        IllegalArgumentException managed = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("state", "SUCCESS")).call(() -> calculator.add(1, 1)));
        assertTrue(managed.getMessage().startsWith("CELERITY-0302"), managed.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("provider", Long.MAX_VALUE)).call(() -> calculator.add(1, 1)));
        assertTrue(missing.getMessage().startsWith("CELERITY-0305"), missing.getMessage());
        HttpResponse<String> noSuchProvider = postFor(addition(1, 2, Long.MAX_VALUE) + "}", "application/json");
        assertProblem(noSuchProvider, 400);
        assertTrue(noSuchProvider.body().contains("CELERITY-0305"), noSuchProvider.body());

        assertEquals(before, countTasks());
    }

    @Test
    void fieldsSetThroughTheEntityClass_atEnqueueAndFromTheBody_areStored_andConstraintsAreChecked() throws Exception {
        Account owner = fixtures.account("typed-owner"); // detached: the stored task refers to the managed one
        Provider provider = fixtures.provider("typed-provider");
        TaskHandle<Integer> sum = tasks.with(AsyncTask.class, t -> {
            t.setOwner(owner);
            t.setProvider(provider);
            t.setTotal(t.getTotal() * 2);
        }).call(() -> calculator.add(2, 3));
        assertEquals(5, sum.get(WAIT));
        AsyncTask row = em.find(AsyncTask.class, sum.id());
        assertEquals(owner.getId(), row.getOwner().getId());
        assertEquals(provider.getId(), row.getProvider().getId());
        assertEquals(200, row.getTotal(), "the consumer saw the entity's own default");
        assertEquals("Quick addition", row.getName(), "the annotation's fields stay unless the consumer sets them");

        TaskHandle<String> counted = tasks.with(TaskOptions.of(Map.of("provider", provider.getId()))
                .set(AsyncTask.class, t -> t.setCurrent(5))).call(() -> calculator.typedCount(10));
        String refused = counted.get(WAIT);
        assertTrue(refused.startsWith("CELERITY-0306: the task's fields break constraints of AsyncTask: name size must "
                + "be between 0 and 200"), refused);
        AsyncTask countedRow = em.find(AsyncTask.class, counted.id());
        assertEquals(25, countedRow.getCurrent(), "5 at enqueue, then twice 10 read and written through the entity");
        assertNull(countedRow.getName(), "the refused name was not written");
        assertTrue(countedRow.getHistory().contains(TaskState.PROGRESS), countedRow.getHistory());

        long before = countTasks();
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(Map.of("name", "n".repeat(201))).call(() -> calculator.add(1, 1)));
        assertTrue(tooLong.getMessage().startsWith("CELERITY-0306"), tooLong.getMessage());
        IllegalArgumentException otherEntity = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(DefaultTaskMeta.class, t -> t.setCurrent(1)).call(() -> calculator.add(1, 1)));
        assertEquals("CELERITY-0132: fields are set on " + DefaultTaskMeta.class.getName() + ", but the task entity is "
                + AsyncTask.class.getName(), otherEntity.getMessage());
        IllegalArgumentException unsaved = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(AsyncTask.class, t -> t.setProvider(new Provider())).call(() -> calculator.add(1, 1)));
        assertTrue(unsaved.getMessage().startsWith("CELERITY-0307: field 'provider' is set to a Provider that is not "
                + "stored yet"), unsaved.getMessage());
        IllegalArgumentException threw = assertThrows(IllegalArgumentException.class,
                () -> tasks.with(AsyncTask.class, t -> t.setName(t.getName().strip()))
                        .call(() -> calculator.typedCount(1)));
        assertTrue(threw.getMessage().startsWith("CELERITY-0133: the code that sets the fields of AsyncTask threw "
                + "java.lang.NullPointerException"), threw.getMessage());
        assertEquals(before, countTasks(), "nothing refused was recorded");
    }

    @Test
    void theDemosAdditions_refuseBadInput_withProblemDocuments_andStartNothing() throws Exception {
        long provider = fixtures.provider("careful").getId();
        long before = countTasks();
        String json = "application/json";

        assertProblem(postFor("x=1&y=2&provider=" + provider, "application/x-www-form-urlencoded"), 415);
        assertProblem(postFor(addition(1, 2, provider) + "}", "text/plain"), 415);
        assertProblem(postFor(addition(1, 2, provider) + "}", null), 415);
        for (String bad : List.of("", "{", "[1, 2]", "{\"x\": 1, \"y\": 2}", "{\"x\": \"abc\", \"y\": 2, \"provider\": 1}",
                "{\"y\": 2, \"provider\": " + provider + "}", addition(1, 2, provider) + ", \"z\": 3}",
                "{\"x\": 1.5, \"y\": 2, \"provider\": " + provider + "}",
                "{\"x\": 2147483648, \"y\": 0, \"provider\": " + provider + "}",
                "{\"x\": 1, \"y\": 2, \"provider\": \"abc\"}",
                "{\"x\": 1, \"y\": 2, \"provider\": " + provider + ", \"owner\": " + "[".repeat(1000) + "]".repeat(1000) + "}",
                "[".repeat(5000) + "]".repeat(5000))) {
            assertProblem(postFor(bad, json), 400);
        }
        HttpResponse<String> overflow = postFor(addition(Integer.MAX_VALUE, 1, provider) + "}", json);
        assertProblem(overflow, 400);
        assertTrue(overflow.body().contains("x + y must lie between"), overflow.body());
        assertProblem(HttpClient.newHttpClient().send(asAdmin("api/nothing").GET().build(),
                HttpResponse.BodyHandlers.ofString()), 404);

        assertEquals(before, countTasks(), "nothing was started");
        assertEquals(Integer.MIN_VALUE + 1, tasks.handle(add(addition(Integer.MIN_VALUE, 1, provider) + "}"),
                Integer.class).get(WAIT), "the whole int range is accepted");
    }

    @Test
    void eventsFromAnotherNode_areFiredHere() {
        String id = UUID.randomUUID().toString();
        TaskEvent remote = new TaskEvent(id, "quick-addition", TaskState.PROGRESS, 7, Instant.now(), "node-b",
                Map.of("current", 50, "name", "Quick addition", "provider", 3), "7", null, null, null);

        messaging.send("celerity.events", true, TaskJson.jsonb().toJson(List.of(remote)),
                Map.of("celerity_node", "node-b"), false);

        await("the remote event is observed", WAIT, () -> !events.of(id).isEmpty());
        TaskEvent seen = events.of(id).get(0);
        assertEquals("node-b", seen.node());
        assertEquals(7, seen.version());
        assertEquals(TaskState.PROGRESS, seen.state());
        assertEquals(Map.of("current", 50L, "name", "Quick addition", "provider", 3L), seen.fields(),
                "field values come back in the entity's types (long, String, the provider's Long id)");
    }

    @Test
    void aRunsEnd_isWrittenAtTheRowsVersion_andKeepsWhatTheBodyWroteToTheRowMeanwhile() throws Exception {
        TaskHandle<Integer> updated = calculator.add(2, 2);
        TaskHandle<String> renamed = calculator.renameSelf("Renamed by its body");
        assertEquals(4, updated.get(WAIT));
        assertEquals("Renamed by its body", renamed.get(WAIT));

        Map<String, List<String>> histories = Map.of(
                updated.id(), List.of(TaskState.QUEUED, TaskState.STARTED, TaskState.PROGRESS, TaskState.SUCCESS),
                renamed.id(), List.of(TaskState.QUEUED, TaskState.STARTED, TaskState.SUCCESS));
        histories.forEach((id, states) -> {
            await("the end is announced", WAIT, () -> events.of(id).stream().anyMatch(TaskEvent::isTerminal));
            AsyncTask row = (AsyncTask) store.findCommitted(id).orElseThrow();
            TaskEvent end = events.of(id).stream().filter(TaskEvent::isTerminal).findFirst().orElseThrow();
            assertEquals(row.getVersion(), end.version(), "the end's event carries the row's version");
            assertEquals(states, StateHistory.read(row.getHistory()).stream().map(StateHistory.Entry::state).toList());
            assertEquals(row.getName(), end.fields().get("name"));
        });
        assertEquals("Renamed by its body", ((AsyncTask) store.findCommitted(renamed.id()).orElseThrow()).getName());
        assertEquals(100, ((AsyncTask) store.findCommitted(updated.id()).orElseThrow()).getCurrent());
    }

    @Test
    void eventMessages_goToTheTopic_onlyWhileAnotherNodeSaysItIsThere() throws Exception {
        await("the node has heard no other node for a while", WAIT, () -> !listeners.othersListen());
        await("a batch sent before that is counted", WAIT, () -> {
            long sent = eventMessagesSent();
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            return sent == eventMessagesSent();
        });
        long before = eventMessagesSent();
        TaskHandle<Integer> alone = calculator.add(1, 2);
        assertEquals(3, alone.get(WAIT));
        await("the SUCCESS event fired here", WAIT,
                () -> events.of(alone.id()).stream().anyMatch(TaskEvent::isTerminal));
        assertEquals(before, eventMessagesSent(), "no event message went to the topic");

        try (JMSContext context = messaging.connectionFactory().createContext();
             JMSConsumer subscriber = context.createConsumer(context.createTopic(Destinations.EVENTS))) {
            // what another node's presence message looks like, sent again while the test waits, as that node would
            Runnable presence = () -> messaging.send(Destinations.EVENTS, true, "", Map.of("celerity_node", "node-b",
                    "celerity_presence", "true"), false);
            presence.run();
            await("the node hears the other one", WAIT, listeners::othersListen);
            TaskHandle<Integer> heard = calculator.add(2, 3);
            assertEquals(5, heard.get(WAIT));
            await("the subscriber receives the task's SUCCESS", WAIT, () -> {
                presence.run();
                String body = subscriber.receiveBody(String.class, 200);
                return body != null && body.contains(heard.id()) && body.contains("\"SUCCESS\"");
            });
            await("the sent batches are counted", WAIT, () -> eventMessagesSent() > before);
        }
        await("alone again once the other node fell silent", WAIT, () -> !listeners.othersListen());
    }

    private long eventMessagesSent() {
        PrometheusText text = new PrometheusText();
        metrics.writeTo(text);
        return text.toString().lines().filter(line -> line.startsWith("celerity_event_messages_sent_total "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    /** The demo's API as its admin user (DemoUsers), who may start tasks for any owner and sees all. */
    private HttpRequest.Builder asAdmin(String path) throws Exception {
        return HttpRequest.newBuilder(base.toURI().resolve(path)).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    /** The start of the demo's addition body, open for more properties: close it with "}". */
    private static String addition(long x, long y, long provider) {
        return "{\"x\": " + x + ", \"y\": " + y + ", \"provider\": " + provider;
    }

    /** Starts an addition through the demo's API; its task id. */
    private String add(String body) throws Exception {
        HttpResponse<String> response = postFor(body, "application/json");
        assertEquals(200, response.statusCode(), response.body());
        return TaskJson.jsonb().fromJson(response.body(), AdditionResource.Started.class).id();
    }

    private HttpResponse<String> postFor(String body, String type) throws Exception {
        HttpRequest.Builder request = asAdmin("api/additions").POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A problem document with this status, and no stack trace. */
    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0], response.body());
        assertEquals(status, TaskJson.json().createReader(new java.io.StringReader(response.body())).readObject()
                .getInt("status"), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("at io."), response.body());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(asAdmin(path)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private String insertQueuedRow(String taskName) throws Exception {
        TestTransactions.begin(transaction);
        NewTask row = TaskRows.queued(model.newTask(), taskName).arguments("[1,2]").row();
        store.insert(row, Map.of(), Map.of(), null, null, true);
        transaction.commit();
        return row.task().getId();
    }

    private long countTasks() {
        return em.createQuery("select count(t) from AsyncTask t", Long.class).getSingleResult();
    }

    private void assertNoMessageFor(String id, String queue) {
        assertFalse(hasMessageFor(id, queue), "a message for " + id + " in " + queue);
    }

    private boolean hasMessageFor(String id, String queue) {
        return broker().hasMessageFor(id, queue);
    }

    private String dlqReason(String id) {
        return broker().deadLetterReason(id);
    }

    private BrokerProbe broker() {
        return new BrokerProbe(config);
    }
}
