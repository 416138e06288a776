package io.celerity.it.cluster;

import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.api.Canvas;
import io.celerity.api.Schedules;
import io.celerity.api.Signature;
import io.celerity.api.WorkflowHandle;
import io.celerity.api.Workflows;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the cluster tests and the soak drive over HTTP: enqueue, and what happened. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClusterApi {

    @ApplicationPath("api")
    public static class ClusterApplication extends Application {
    }

    @Inject
    Tasks tasks;

    @Inject
    ClusterTasks work;

    @Inject
    Schedules schedules;

    @Inject
    Workflows workflows;

    @Inject
    ChordTasks chords;

    @PersistenceContext
    EntityManager em;

    /**
     * Enqueues {@code n} tasks keyed {@code <prefix>-<i>}, owned by the prefix, all or none. The key is the task id too,
     * so a caller that retries after an error it cannot read (the node died after the commit) gets the same tasks.
     */
    @POST
    @Transactional
    @Path("enqueue")
    public List<String> enqueue(@QueryParam("prefix") String prefix, @QueryParam("n") @DefaultValue("1") int n,
                                @QueryParam("millis") @DefaultValue("0") long millis,
                                @QueryParam("countdown") @DefaultValue("0") long countdownMillis) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = prefix + "-" + i;
            TaskOptions options = TaskOptions.of(Map.of("owner", prefix)).id(key);
            if (countdownMillis > 0) {
                options = options.countdown(Duration.ofMillis(countdownMillis));
            }
            ids.add(tasks.with(options).run(() -> work.work(key, millis)).id());
        }
        return ids;
    }

    /** Enqueues one task that works for {@code millis} unless aborted, keyed and owned by the prefix. */
    @POST
    @Path("enqueue-abortable")
    public Map<String, Object> enqueueAbortable(@QueryParam("prefix") String prefix,
                                                @QueryParam("millis") long millis) {
        String key = prefix + "-0";
        return Map.of("id", tasks.with(TaskOptions.of(Map.of("owner", prefix))).run(() -> work.abortable(key, millis))
                .id());
    }

    /** Revokes a task from this node; answers this node's clock when it asked. */
    @POST
    @Path("task/{id}/revoke")
    public Map<String, Object> revoke(@PathParam("id") String id, @QueryParam("terminate") boolean terminate) {
        long at = System.currentTimeMillis();
        return Map.of("revoked", tasks.revoke(id, terminate), "at", at);
    }

    /** Asks a task to abort from this node; answers this node's clock when it asked. */
    @POST
    @Path("task/{id}/abort")
    public Map<String, Object> abort(@PathParam("id") String id) {
        long at = System.currentTimeMillis();
        return Map.of("aborted", tasks.abort(id), "at", at);
    }

    @GET
    @Path("task/{id}")
    public Map<String, Object> task(@PathParam("id") String id) {
        TaskMeta task = em.find(io.celerity.api.DefaultTaskMeta.class, id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", task.getState());
        json.put("node", task.getNode());
        json.put("runner", task.getRunner());
        json.put("attempt", task.getAttempt());
        json.put("version", task.getVersion());
        json.put("errorMessage", String.valueOf(task.getErrorMessage()));
        json.put("createdAt", task.getCreatedAt().toEpochMilli());
        json.put("startedAt", task.getStartedAt() == null ? 0 : task.getStartedAt().toEpochMilli());
        return json;
    }

    /** Counts of the tasks whose owner starts with the prefix, by state, and of their runs. */
    @GET
    @Path("summary")
    public Map<String, Object> summary(@QueryParam("prefix") String prefix) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Long> states = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT t.state, COUNT(t) FROM DefaultTaskMeta t WHERE t.owner LIKE :p "
                + "GROUP BY t.state", Object[].class).setParameter("p", prefix + "%").getResultList()) {
            states.put((String) row[0], (Long) row[1]);
        }
        json.put("states", states);
        json.put("total", states.values().stream().mapToLong(Long::longValue).sum());
        List<String> ended = em.createQuery("SELECT r.taskKey FROM RunRecord r WHERE r.phase = 'end' "
                + "AND r.taskKey LIKE :p", String.class).setParameter("p", prefix + "%").getResultList();
        json.put("ended", ended.size());
        json.put("duplicated", ended.size() - ended.stream().distinct().count());
        Map<String, Long> nodes = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT r.node, COUNT(r) FROM RunRecord r WHERE r.phase = 'start' "
                + "AND r.taskKey LIKE :p GROUP BY r.node", Object[].class).setParameter("p", prefix + "%").getResultList()) {
            nodes.put((String) row[0], (Long) row[1]);
        }
        json.put("startsByNode", nodes);
        Map<String, Object> phases = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT r.phase, COUNT(r), MAX(r.at) FROM RunRecord r "
                + "WHERE r.taskKey LIKE :p GROUP BY r.phase", Object[].class).setParameter("p", prefix + "%")
                .getResultList()) {
            phases.put((String) row[0], Map.of("count", row[1], "lastAt", ((java.sql.Timestamp) row[2]).getTime()));
        }
        json.put("phases", phases);
        List<Map<String, Object>> duplicates = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT r.taskKey, r.node, r.at FROM RunRecord r WHERE r.phase = 'end' "
                + "AND r.taskKey IN (SELECT d.taskKey FROM RunRecord d WHERE d.phase = 'end' AND d.taskKey LIKE :p "
                + "GROUP BY d.taskKey HAVING COUNT(d) > 1) ORDER BY r.taskKey, r.at", Object[].class)
                .setParameter("p", prefix + "%").getResultList()) {
            duplicates.add(Map.of("key", row[0], "node", String.valueOf(row[1]),
                    "at", ((java.sql.Timestamp) row[2]).getTime()));
        }
        json.put("duplicateEnds", duplicates);
        return json;
    }

    /**
     * Starts a chord of {@code n} quick members and a last one that takes {@code lastMillis} (and stops its node dead
     * after its end when asked), all owned by the prefix; its body sums their values.
     */
    @POST
    @Path("chord")
    public Map<String, Object> chord(@QueryParam("prefix") String prefix, @QueryParam("n") int n,
                                     @QueryParam("lastMillis") long lastMillis, @QueryParam("halt") boolean halt) {
        TaskOptions owned = TaskOptions.of(Map.of("owner", prefix));
        List<Signature<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            members.add(workflows.signature(() -> chords.part(prefix + "-" + value, value)).with(owned));
        }
        members.add(workflows.signature(() -> chords.last(prefix + "-last", n, lastMillis, halt)).with(owned));
        WorkflowHandle<Integer> chord = workflows.start(Canvas.chord(Canvas.group(members),
                workflows.signature(() -> chords.sum(null, prefix + "-body")).with(owned)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("root", chord.id());
        for (String name : List.of("cluster.chord-last", "cluster.chord-sum")) {
            json.put(name.substring("cluster.chord-".length()), em.createQuery("SELECT t.id FROM DefaultTaskMeta t "
                            + "WHERE t.rootId = :root AND t.taskName = :name", String.class)
                    .setParameter("root", chord.id()).setParameter("name", name).getSingleResult());
        }
        return json;
    }

    /** Creates a schedule that runs cluster.work keyed by its name every {@code everyMillis}. */
    @POST
    @Path("schedule")
    public Map<String, Object> schedule(@QueryParam("name") String name, @QueryParam("everyMillis") long every) {
        return view(schedules.create(ScheduleDefinition.every(name, Duration.ofMillis(every))
                .task("cluster.work", "[\"" + name + "\", 0]")));
    }

    @POST
    @Path("schedule/{name}/disable")
    public Map<String, Object> disable(@PathParam("name") String name) {
        return view(schedules.enable(name, false).orElseThrow());
    }

    /** A schedule, with the states of its runs' tasks. */
    @GET
    @Path("schedule/{name}")
    public Map<String, Object> schedule(@PathParam("name") String name) {
        Map<String, Object> json = view(schedules.find(name).orElseThrow());
        Map<String, Long> states = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT t.state, COUNT(t) FROM DefaultTaskMeta t WHERE t.scheduleName = :s "
                + "GROUP BY t.state", Object[].class).setParameter("s", name).getResultList()) {
            states.put((String) row[0], (Long) row[1]);
        }
        json.put("states", states);
        return json;
    }

    private static Map<String, Object> view(Schedule schedule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runCount", schedule.runCount());
        json.put("nextRunAt", schedule.nextRunAt() == null ? 0 : schedule.nextRunAt().toEpochMilli());
        json.put("lastRunAt", schedule.lastRunAt() == null ? 0 : schedule.lastRunAt().toEpochMilli());
        return json;
    }
}
