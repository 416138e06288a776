package io.celerity.internal.web;

import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.api.Schedules;
import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code <celerity.api.path>/schedules}: periodic tasks managed at run time, for holders of the admin role only
 * (a schedule's runs may act for anyone). Bad input is a 400 problem document, and nothing is stored.
 */
@Path("schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    Schedules schedules;

    @Inject
    TaskBrowser browser;

    @Inject
    TaskViews views;

    @Inject
    CelerityConfig config;

    @GET
    public ScheduleView.Listing list() {
        admin();
        return new ScheduleView.Listing(schedules.list().stream().map(ScheduleView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream entity) throws IOException {
        admin();
        ScheduleDefinition definition = ScheduleRequestReader.read(json(entity), null);
        Schedule created = checked(() -> {
            try {
                return schedules.create(definition);
            } catch (IllegalStateException e) {
                throw ApiProblem.conflict(e.getMessage());
            }
        });
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
                .entity(ScheduleView.of(created)).build();
    }

    @GET
    @Path("{name}")
    public ScheduleView get(@PathParam("name") String name) {
        admin();
        return ScheduleView.of(schedules.find(name).orElseThrow(() -> missing(name)));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView update(@PathParam("name") String name, InputStream entity) throws IOException {
        admin();
        ScheduleDefinition definition = ScheduleRequestReader.read(json(entity), name);
        return ScheduleView.of(checked(() -> schedules.update(definition)).orElseThrow(() -> missing(name)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        admin();
        if (!schedules.delete(name)) {
            throw missing(name);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView enable(@PathParam("name") String name, InputStream entity) throws IOException {
        return switched(name, true, entity);
    }

    @POST
    @Path("{name}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView disable(@PathParam("name") String name, InputStream entity) throws IOException {
        return switched(name, false, entity);
    }

    /** Starts a run at once; answers with the run's task. */
    @POST
    @Path("{name}/run")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("name") String name, InputStream entity) throws IOException {
        Caller caller = admin();
        empty(entity);
        String id;
        try {
            id = checked(() -> schedules.runNow(name)).orElseThrow(() -> missing(name));
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(id).build())
                .entity(views.of(browser.find(id, caller).orElseThrow(), caller)).build();
    }

    private ScheduleView switched(String name, boolean enabled, InputStream entity) throws IOException {
        admin();
        empty(entity);
        return ScheduleView.of(schedules.enable(name, enabled).orElseThrow(() -> missing(name)));
    }

    private static <T> T checked(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private static ApiProblem missing(String name) {
        return ApiProblem.notFound("no schedule named " + name);
    }

    /**
     * The body, which must be declared JSON: a browser cannot send that type to another site without asking it first
     * (CORS), so a foreign page cannot change schedules with a visitor's credentials.
     */
    private InputStream json(InputStream entity) {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new ApiProblem(415, "Unsupported media type", "send schedules with Content-Type: application/json");
        }
        return entity;
    }

    private void empty(InputStream entity) throws IOException {
        if (!new String(json(entity).readAllBytes(), StandardCharsets.UTF_8).isBlank()) {
            throw new ApiProblem(422, "Unprocessable content", "this action takes no body; send an empty one");
        }
    }

    /** The caller, who must hold the admin role; outside Celerity's own JAX-RS application nothing is here. */
    private Caller admin() {
        return Caller.admin(configuration, security, config.web(), "schedules are managed");
    }
}
