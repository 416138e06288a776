package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/**
 * {@code <celerity.api.path>/task-counts}: how many of the caller's tasks are in each state, with the list's filters,
 * in one grouped query (a list's per-state counts would otherwise be one count per state).
 */
@Path("task-counts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskCountResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Inject
    TaskBrowser browser;

    @Inject
    CelerityConfig config;

    /** The counts, by state, and their sum. */
    public record Counts(Map<String, Long> states, long total) {
    }

    @GET
    public Counts count() {
        Caller caller = Caller.of(configuration, security, config.web());
        CelerityConfig.Web web = config.web();
        TaskFilter filter;
        try {
            filter = TaskFilter.parse(uri.getQueryParameters(), browser.columns(), web.sortable(), web.maxPageSize());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the query string is not properly percent-encoded");
        }
        Map<String, Long> states = browser.countByState(filter, caller);
        return new Counts(states, states.values().stream().mapToLong(Long::longValue).sum());
    }
}
