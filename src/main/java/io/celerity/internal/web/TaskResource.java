package io.celerity.internal.web;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.Tasks;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.dispatch.NotRetryable;
import io.celerity.internal.store.StateHistory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code <celerity.api.path>/tasks}: list, read and control tasks. Callers see and act on their own tasks only,
 * admins on all; a task the caller may not see does not exist for them (404).
 */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final int MAX_ID_LENGTH = 36;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    TaskBrowser browser;

    @Inject
    TaskViews views;

    @Inject
    Tasks tasks;

    @Inject
    CelerityConfig config;

    @GET
    public TaskView.Page list() {
        Caller caller = caller();
        CelerityConfig.Web web = config.web();
        TaskFilter filter = TaskFilter.parse(queryParameters(), browser.columns(), web.sortable(), web.maxPageSize());
        TaskBrowser.Page page = browser.list(filter, caller);
        return new TaskView.Page(page.tasks().stream().map(task -> views.of(task, caller)).toList(), page.total(),
                filter.page(), filter.size());
    }

    @GET
    @Path("{id}")
    public TaskView get(@PathParam("id") String id) {
        Caller caller = caller();
        return views.of(visible(id, caller), caller);
    }

    @GET
    @Path("{id}/history")
    public TaskView.History history(@PathParam("id") String id) {
        TaskMeta task = visible(id, caller());
        return new TaskView.History(task.getId(), StateHistory.read(task.getHistory()));
    }

    @GET
    @Path("{id}/workflow")
    public TaskView.WorkflowTasks workflow(@PathParam("id") String id) {
        Caller caller = caller();
        TaskMeta task = visible(id, caller);
        if (task.getRootId() == null) {
            throw ApiProblem.notFound("task " + id + " is not in a workflow");
        }
        CelerityConfig.Web web = config.web();
        TaskFilter members = TaskFilter.parse(Map.of("rootId", List.of(task.getRootId()), "sort", List.of("createdAt"),
                "size", List.of(String.valueOf(web.maxPageSize()))), browser.columns(), web.sortable(),
                web.maxPageSize());
        TaskBrowser.Page page = browser.list(members, caller);
        return new TaskView.WorkflowTasks(task.getRootId(), page.total(),
                page.tasks().stream().map(member -> views.of(member, caller)).toList());
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView revoke(@PathParam("id") String id, InputStream entity) throws IOException {
        Caller caller = caller();
        ActionRequest request = body(entity);
        TaskMeta task = visible(id, caller);
        boolean terminate = Boolean.TRUE.equals(request.terminate());
        if (!tasks.revoke(id, terminate)) {
            throw ApiProblem.conflict(task.isTerminal() ? "the task has ended (" + task.getState() + ")"
                    : "the task is running; revoke it with {\"terminate\": true} to interrupt it");
        }
        return views.of(visible(id, caller), caller);
    }

    @POST
    @Path("{id}/abort")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView abort(@PathParam("id") String id, InputStream entity) throws IOException {
        Caller caller = caller();
        noOptions("abort", body(entity));
        visible(id, caller);
        if (!tasks.abort(id)) {
            throw ApiProblem.conflict("the task has ended");
        }
        return views.of(visible(id, caller), caller);
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("id") String id, InputStream entity) throws IOException {
        Caller caller = caller();
        noOptions("retry", body(entity));
        visible(id, caller);
        String again;
        try {
            again = tasks.retry(id);
        } catch (NotRetryable e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(again).build())
                .entity(views.of(visible(again, caller), caller)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        visible(id, caller());
        if (!tasks.delete(id)) {
            throw new TaskNotFoundException(id);
        }
        return Response.noContent().build();
    }

    private TaskMeta visible(String id, Caller caller) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("a task id has 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        return browser.find(id, caller).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /**
     * The action's options. The body must be declared JSON even when empty: a browser cannot send that type to
     * another site without asking it first (CORS), so a foreign page cannot act with a visitor's credentials.
     */
    private ActionRequest body(InputStream entity) throws IOException {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new ApiProblem(415, "Unsupported media type",
                    "send actions with Content-Type: application/json (the body may be empty)");
        }
        return ActionRequestReader.read(entity);
    }

    private MultivaluedMap<String, String> queryParameters() {
        try {
            return uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the query string is not properly percent-encoded");
        }
    }

    private static void noOptions(String action, ActionRequest request) {
        if (request.terminate() != null) {
            throw new ApiProblem(422, "Unprocessable content", action + " takes no options; send an empty body");
        }
    }

    /** Who asks; outside Celerity's own JAX-RS application (an application's catch-all one) nothing is here. */
    private Caller caller() {
        return Caller.of(configuration, security, config.web());
    }
}
