package io.celerity.internal.web;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.dispatch.DeadLetterActions;
import io.celerity.internal.dispatch.NotRetryable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code <celerity.api.path>/dead-letters}: the messages filed in the dead-letter queue with their reason, for holders
 * of the admin role (a message may be anyone's): read them, re-drive one (its task runs again as a new task) or discard
 * one. Who re-drove or discarded a message is logged.
 */
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int MAX_PAGE = 200;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    DeadLetterActions actions;

    @Inject
    TaskBrowser browser;

    @Inject
    TaskViews views;

    @Inject
    CelerityConfig config;

    @GET
    public QueueView.DeadLetterPage list(@QueryParam("after") String after,
                                         @QueryParam("size") @DefaultValue("50") String size) {
        Caller caller = admin();
        if (after != null) {
            id(after);
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            pageSize = 0;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw ApiProblem.badRequest("size is a number from 1 to " + MAX_PAGE);
        }
        DeadLetterActions.Page page;
        try {
            page = actions.list(after, pageSize);
        } catch (IllegalStateException e) {
            throw brokerDown();
        }
        return QueueView.DeadLetterPage.of(page,
                taskId -> browser.find(taskId, caller).map(TaskMeta::getState).orElse(null));
    }

    /** Takes the dead letter and runs its task again as a new task; answers with that task. */
    @POST
    @Path("{id}/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redrive(@PathParam("id") String id, InputStream entity) throws IOException {
        Caller caller = admin();
        empty(entity);
        DeadLetterActions.Redriven redriven;
        try {
            redriven = actions.redrive(id(id), caller.name()).orElseThrow(() -> missing(id));
        } catch (NotRetryable e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (TaskNotFoundException e) {
            throw ApiProblem.conflict(e.getMessage() + "; discard the dead letter");
        } catch (IllegalStateException e) {
            throw brokerDown();
        }
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(redriven.taskId()).build())
                .entity(new QueueView.Redriven(id, views.of(browser.find(redriven.taskId(), caller).orElseThrow(),
                        caller)))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id) {
        Caller caller = admin();
        boolean discarded;
        try {
            discarded = actions.discard(id(id), caller.name());
        } catch (IllegalStateException e) {
            throw brokerDown();
        }
        if (!discarded) {
            throw missing(id);
        }
        return Response.noContent().build();
    }

    private Caller admin() {
        return Caller.admin(configuration, security, config.web(), "dead letters are shown and handled");
    }

    private static String id(String id) {
        if (!DeadLetterActions.ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("a dead letter's id has 1 to 64 letters, digits and hyphens");
        }
        return id;
    }

    /** The broker cannot be reached: the health check's broker probe says more. */
    private static ApiProblem brokerDown() {
        return new ApiProblem(503, "Service unavailable", "the broker cannot be reached; try again later");
    }

    private static ApiProblem missing(String id) {
        return ApiProblem.notFound("no dead letter with id " + id);
    }

    private void empty(InputStream entity) throws IOException {
        EmptyJsonBody.require(headers, entity,
                "send actions with Content-Type: application/json (the body may be empty)",
                "this action takes no body; send an empty one");
    }
}
