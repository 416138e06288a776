package io.celerity.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Enqueue runs in progress or done, by run name. */
@ApplicationScoped
public class EnqueueRuns {

    private final Map<String, Future<BenchResource.Enqueued>> runs = new ConcurrentHashMap<>();

    void start(String run, Future<BenchResource.Enqueued> future) {
        runs.put(run, future);
    }

    Response result(String run) {
        Future<BenchResource.Enqueued> future = runs.get(run);
        if (future == null) {
            return Response.status(Response.Status.NOT_FOUND).entity("no run " + run).build();
        }
        if (!future.isDone()) {
            return Response.noContent().build();
        }
        try {
            return Response.ok(future.get()).build();
        } catch (ExecutionException e) {
            return Response.serverError().entity(String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.serverError().entity("interrupted").build();
        }
    }
}
