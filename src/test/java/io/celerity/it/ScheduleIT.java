package io.celerity.it;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.api.Schedules;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskOptions;
import io.celerity.api.TaskState;
import io.celerity.api.Tasks;
import io.celerity.it.schedule.Beats;
import io.celerity.it.schedule.Seen;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Periodic tasks and retention on one node: declared and run-time schedules run as ordinary tasks, are changed,
 * disabled, enabled, run at once and deleted without a restart, and bad definitions store nothing. The deployment
 * also runs with {@code celerity.security.open=true}, which one test checks over the REST API and the feed.
 */
@ExtendWith(ArquillianExtension.class)
class ScheduleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("schedule-it", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addPackage(Beats.class.getPackage())
                .addClass(ScheduleIT.class)
                .addAsResource(new StringAsset("""
                        celerity.schedule.poll-interval=200ms
                        celerity.retention.interval=500ms
                        celerity.task."it-purged".retention.success=2s
                        celerity.security.open=true
                        """), "META-INF/microprofile-config.properties");
    }

    @Inject
    Schedules schedules;

    @ArquillianResource
    URL base;

    @Inject
    Tasks tasks;

    @Inject
    Beats beats;

    @Inject
    Seen seen;

    @PersistenceContext
    EntityManager em;

    /** This deployment runs with celerity.security.open=true and has no authentication mechanism at all. */
    @Test
    void withSecurityOpen_anyoneReadsAndControlsEveryTask_andTheSchedules_withoutCredentials() throws Exception {
        String id = tasks.with(TaskOptions.of(Map.of("owner", "carol")).countdown(Duration.ofHours(1)))
                .run(() -> beats.echo("open")).id();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> task = http.send(HttpRequest.newBuilder(base.toURI().resolve("celerity/api/tasks/" + id))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, task.statusCode(), task.body());
        assertTrue(task.body().contains("\"carol\""), "another owner's task, to an anonymous caller: " + task.body());
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(base.toURI().resolve("celerity/api/schedules"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), "the admin's endpoints too: " + list.body());

        BlockingQueue<String> feed = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.toURI()
                .resolve("celerity/tasks?id=" + id).toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        feed.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            String snapshot = feed.poll(10, TimeUnit.SECONDS);
            assertNotNull(snapshot, "a snapshot");
            assertTrue(snapshot.contains(id), snapshot);

            HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(base.toURI()
                            .resolve("celerity/api/tasks/" + id + "/revoke")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, revoke.statusCode(), revoke.body());
            assertEquals(TaskState.REVOKED, tasks.handle(id, Void.class).state());
            String change = feed.poll(10, TimeUnit.SECONDS);
            assertNotNull(change, "the revoke reaches the anonymous feed");
            assertTrue(change.contains("REVOKED"), change);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void declaredSchedules_runAsOrdinaryTasks_thatNameTheirSchedule() {
        Eventually.await("two declared runs", WAIT, () -> seen.runs("declared").size() >= 2);
        Schedule every = schedules.find("it-every-second").orElseThrow();
        assertTrue(every.declared());
        assertEquals("it-beat", every.definition().task());
        assertEquals(Duration.ofSeconds(1), every.definition().every());
        assertEquals("[\"declared\"]", every.definition().arguments());
        assertTrue(every.runCount() >= 2, every.toString());
        assertNotNull(every.nextRunAt());
        String last = every.lastTaskId();
        Eventually.await("its last run ends", WAIT, () -> TaskState.SUCCESS.equals(task(last).getState()));
        DefaultTaskMeta run = (DefaultTaskMeta) task(last);
        assertEquals("it-every-second", run.getScheduleName());
        assertEquals(7, run.getTotal(), "the schedule's fields");
        assertNull(run.getOwner(), "a tick acts for nobody");

        Eventually.await("two cron runs", WAIT, () -> seen.runs("cron").size() >= 2);
        Schedule cron = schedules.find("it-cron").orElseThrow();
        assertEquals(ZoneId.of("Europe/Berlin"), cron.definition().zone());
        assertEquals(0, cron.nextRunAt().getEpochSecond() % 2, "*/2 seconds: " + cron.nextRunAt());
        assertEquals(0, cron.lastRunAt().getEpochSecond() % 2, "the tick it ran for: " + cron.lastRunAt());
    }

    @Test
    void aScheduleMadeAtRunTime_runs_takesChanges_stops_runsAgain_andIsDeleted() throws InterruptedException {
        String name = "runtime-" + UUID.randomUUID();
        Schedule created = schedules.create(ScheduleDefinition.every(name, Duration.ofSeconds(1))
                .task("it-echo", "[\"" + name + "-a\"]"));
        assertFalse(created.declared());
        assertEquals(0, created.runCount());
        Eventually.await("a run", WAIT, () -> !seen.runs(name + "-a").isEmpty());

        schedules.update(ScheduleDefinition.every(name, Duration.ofSeconds(1)).task("it-echo", "[\"" + name + "-b\"]"));
        Eventually.await("a run with the new arguments", WAIT, () -> !seen.runs(name + "-b").isEmpty());

        Schedule disabled = schedules.enable(name, false).orElseThrow();
        assertFalse(disabled.definition().enabled());
        assertNull(disabled.nextRunAt());
        long claimed = disabled.runCount();
        long rows = runs(name).size();
        assertEquals(claimed, rows, "one task per run");
        Thread.sleep(2_000); // a negative: nothing may happen for ten polls
        assertEquals(claimed, schedules.find(name).orElseThrow().runCount(), "no run while disabled");
        assertEquals(rows, runs(name).size());

        Schedule enabled = schedules.enable(name, true).orElseThrow();
        assertNotNull(enabled.nextRunAt());
        Eventually.await("runs again", WAIT, () -> runs(name).size() > rows);

        assertTrue(schedules.delete(name));
        assertTrue(schedules.find(name).isEmpty());
        assertFalse(schedules.delete(name));
        assertFalse(runs(name).isEmpty(), "its past runs stay");
    }

    @Test
    void define_capturesTheTaskCall_withoutMakingIt_andRunNowStartsOne() {
        String name = "typed-" + UUID.randomUUID();
        Schedule defined = schedules.define(ScheduleDefinition.every(name, Duration.ofHours(1)).priority(8))
                .run(() -> beats.echo(name));
        assertEquals("it-echo", defined.definition().task());
        assertEquals("[\"" + name + "\"]", defined.definition().arguments());
        assertTrue(runs(name).isEmpty(), "the call was captured, not made");

        String id = schedules.runNow(name).orElseThrow();
        Eventually.await("the run ends", WAIT, () -> TaskState.SUCCESS.equals(task(id).getState()));
        assertEquals(List.of(id), seen.runs(name));
        TaskMeta run = task(id);
        assertEquals(name, run.getScheduleName());
        assertEquals(8, run.getPriority());
        Schedule after = schedules.find(name).orElseThrow();
        assertEquals(1, after.runCount());
        assertEquals(id, after.lastTaskId());
        assertEquals(defined.nextRunAt(), after.nextRunAt(), "a run now leaves the ticks as they were");

        Schedule again = schedules.define(ScheduleDefinition.every(name, Duration.ofHours(2))).run(() -> beats.echo("x"));
        assertEquals(Duration.ofHours(2), again.definition().every(), "define replaces an existing definition");
        assertEquals(1, again.runCount(), "and keeps its counts");
        assertTrue(schedules.runNow("no-such-schedule").isEmpty());
        schedules.delete(name);
    }

    @Test
    void aOneOffSchedule_runsOnce() {
        String name = "once-" + UUID.randomUUID();
        schedules.create(ScheduleDefinition.once(name, Instant.now().plusMillis(500)).task("it-echo",
                "[\"" + name + "\"]"));
        Eventually.await("its run ends", WAIT, () -> seen.runs(name).size() == 1);
        Schedule done = schedules.find(name).orElseThrow();
        assertEquals(1, done.runCount());
        assertNull(done.nextRunAt(), "nothing after it");
        assertEquals(1, runs(name).size());
        schedules.delete(name);
    }

    @Test
    void badDefinitions_areRefused_withTheirMessage_andNothingIsStored() {
        String name = "bad-" + UUID.randomUUID();
        refused("CELERITY-0703", name, () -> schedules.create(ScheduleDefinition.cron(name, "61 * * * *")
                .task("it-echo", "[\"x\"]")));
        refused("CELERITY-0702", name, () -> schedules.create(ScheduleDefinition.cron(name, null)
                .task("it-echo", "[\"x\"]")));
        refused("CELERITY-0705", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMillis(100))
                .task("it-echo", "[\"x\"]")));
        refused("CELERITY-0706", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1))
                .task("no-such-task", "[]")));
        refused("CELERITY-0707", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1))
                .task("it-purged", "[\"x\"]")));
        refused("CELERITY-0707", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1))
                .task("it-purged", "[\"x\", \"not a boolean\"]")));
        refused("CELERITY-0708", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1))
                .task("it-echo", "[\"x\"]").fields(Map.of("nosuch", "1"))));
        refused("CELERITY-0709", name, () -> schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1))
                .task("it-echo", "[\"x\"]").priority(10)));
        refused("CELERITY-0701", "bad name/with slash", () -> schedules.create(
                ScheduleDefinition.every("bad name/with slash", Duration.ofMinutes(1)).task("it-echo", "[\"x\"]")));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> schedules.define(ScheduleDefinition.every(name, Duration.ofMinutes(1))).run(() -> { }));
        assertTrue(none.getMessage().startsWith("CELERITY-0714"), none.getMessage());
        assertTrue(schedules.find(name).isEmpty());

        schedules.create(ScheduleDefinition.every(name, Duration.ofMinutes(1)).task("it-echo", "[\"x\"]"));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> schedules.create(
                ScheduleDefinition.every(name, Duration.ofMinutes(2)).task("it-echo", "[\"x\"]")));
        assertTrue(twice.getMessage().startsWith("CELERITY-0711"), twice.getMessage());
        assertEquals(Duration.ofMinutes(1), schedules.find(name).orElseThrow().definition().every());
        schedules.delete(name);
    }

    @Test
    void retention_deletesWhatItNoLongerKeeps_andNothingElse() {
        String marker = "retention-" + UUID.randomUUID();
        List<String> purged = List.of(purged(marker, false), purged(marker, false), purged(marker, false));
        String failed = purged(marker, true);
        String kept = tasks.with(TaskOptions.none()).run(() -> beats.kept(marker)).id();
        Eventually.await("all ended", WAIT, () -> task(failed).isTerminal() && task(kept).isTerminal()
                && purged.stream().allMatch(id -> task(id) == null || task(id).isTerminal()));
        Eventually.await("the successes of it-purged are deleted", WAIT,
                () -> purged.stream().allMatch(id -> task(id) == null));
        assertEquals(TaskState.FAILURE, task(failed).getState(), "it-purged keeps its failures");
        assertEquals(TaskState.SUCCESS, task(kept).getState(), "it-kept has no retention");
    }

    private String purged(String marker, boolean fail) {
        return tasks.with(TaskOptions.none()).run(() -> beats.purged(marker, fail)).id();
    }

    private void refused(String id, String name, Executable create) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, create);
        assertTrue(e.getMessage().startsWith(id), e.getMessage());
        assertTrue(schedules.find(name).isEmpty(), "nothing stored");
    }

    private TaskMeta task(String id) {
        em.clear();
        return em.find(DefaultTaskMeta.class, id);
    }

    private List<DefaultTaskMeta> runs(String schedule) {
        em.clear();
        return em.createQuery("SELECT t FROM DefaultTaskMeta t WHERE t.scheduleName = :s", DefaultTaskMeta.class)
                .setParameter("s", schedule).getResultList();
    }
}
