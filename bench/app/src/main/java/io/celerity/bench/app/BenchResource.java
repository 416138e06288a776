package io.celerity.bench.app;

import io.celerity.api.TaskState;
import io.celerity.api.Canvas;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import io.celerity.api.Workflows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the benchmark from inside the server: enqueues tasks as an application would (each call in a JTA
 * transaction of the caller's, with per-call fields), measures the caller's cost, and runs the list query.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    private static final Logger LOG = Logger.getLogger(BenchResource.class.getName());

    @Inject
    BenchTasks benchTasks;

    @Inject
    Tasks tasks;

    @Inject
    EnqueueRuns runs;

    @Inject
    Workflows workflows;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext
    EntityManager em;

    /** Per-call durations in milliseconds, and the wall time of the whole enqueue. */
    public record Enqueued(int n, int callers, double elapsedMs, double p50Ms, double p99Ms) {
    }

    public record Query(long samples, double p50Ms, double p99Ms, int rows) {
    }

    public record Workers(int threads) {
    }

    public record Chord(String root, int members, double enqueueMs) {
    }

    /**
     * Starts an enqueue run in the background; its result is read with {@link #enqueued}. The tasks' owner is the run,
     * or {@code owner} when given (one run spread over several nodes).
     */
    @POST
    @Path("enqueue")
    public Response startEnqueue(@QueryParam("task") String task, @QueryParam("n") int n,
                                 @QueryParam("callers") int callers, @QueryParam("rate") double rate,
                                 @QueryParam("run") String run, @QueryParam("owner") String owner) {
        String owned = owner == null ? run : owner;
        runs.start(run, executor.submit(() -> enqueue(task, n, callers, rate, owned)));
        return Response.accepted().build();
    }

    /** The result of an enqueue run: 200 with it, 204 while it runs, 500 with the error if it failed. */
    @GET
    @Path("enqueued")
    public Response enqueued(@QueryParam("run") String run) {
        return runs.result(run);
    }

    /**
     * Enqueues {@code n} tasks from {@code callers} threads; each call runs in a transaction of its own (begin, call,
     * commit), timed. With {@code rate > 0}, the calls are paced to that many per second in total.
     */
    private Enqueued enqueue(String task, int n, int callers, double rate, String run) throws Exception {
        int threads = Math.max(1, callers);
        double[] durations = new double[n];
        long start = System.nanoTime();
        long intervalNanos = rate > 0 ? (long) (1e9 * threads / rate) : 0;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(executor.submit(() -> {
                long next = System.nanoTime();
                for (int i = first; i < n; i += threads) {
                    if (intervalNanos > 0) {
                        next += intervalNanos;
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                    durations[i] = enqueueOne(task, i, run);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(1, TimeUnit.HOURS);
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        Arrays.sort(durations);
        return new Enqueued(n, threads, elapsed, percentile(durations, 50), percentile(durations, 99));
    }

    private double enqueueOne(String task, int i, String run) throws Exception {
        long begin = System.nanoTime();
        transaction.begin();
        try {
            Map<String, Object> fields = Map.of("owner", run, "provider", i % 100);
            if ("progress".equals(task)) {
                tasks.with(fields).run(() -> benchTasks.progress(i));
            } else {
                tasks.with(fields).run(() -> benchTasks.noop(i));
            }
            transaction.commit();
        } catch (Exception e) {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                try {
                    transaction.rollback();
                } catch (RuntimeException | SystemException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            LOG.log(Level.SEVERE, "enqueue " + i + " of run " + run + " failed", e);
            throw e;
        }
        return (System.nanoTime() - begin) / 1e6;
    }

    /**
     * Starts a chord of {@code members} tasks and a body that sums them, all owned by {@code run}, in one transaction
     * of the caller's; answers how long the start took, from before the first signature to the commit.
     */
    @POST
    @Path("chord")
    public Chord chord(@QueryParam("members") int members, @QueryParam("run") String run) throws Exception {
        long begin = System.nanoTime();
        TaskOptions owned = TaskOptions.of(Map.of("owner", run, "provider", 0));
        transaction.begin();
        String root;
        try {
            Canvas.Group<Integer> group = Canvas.group(IntStream.range(0, members)
                    .mapToObj(i -> workflows.signature(() -> benchTasks.member(i)).with(owned)).toList());
            root = workflows.start(Canvas.chord(group,
                    workflows.signature(() -> benchTasks.chordBody(null)).with(owned))).id();
            transaction.commit();
        } catch (Exception e) {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
            throw e;
        }
        return new Chord(root, members, (System.nanoTime() - begin) / 1e6);
    }

    /** AsyncTask's list: a provider's tasks of one owner, excluding REVOKED, newest first, a page of 50. */
    @GET
    @Path("list")
    public Query list(@QueryParam("owner") String owner, @QueryParam("provider") long provider,
                      @QueryParam("samples") int samples) {
        double[] durations = new double[samples];
        int rows = 0;
        for (int i = 0; i < samples; i++) {
            long begin = System.nanoTime();
            rows = em.createQuery("select t from BenchTask t where t.owner = :owner and t.provider = :provider "
                            + "and t.state <> :revoked order by t.createdAt desc", BenchTask.class)
                    .setParameter("owner", owner).setParameter("provider", provider)
                    .setParameter("revoked", TaskState.REVOKED)
                    .setMaxResults(50).getResultList().size();
            durations[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(durations);
        return new Query(samples, percentile(durations, 50), percentile(durations, 99), rows);
    }

    @GET
    @Path("workers")
    public Workers workers() {
        return new Workers(benchTasks.workerThreads());
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
