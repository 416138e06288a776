package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.control.QueueOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code <celerity.api.path>/queues}: each task queue as the broker counts its messages and the task table its tasks,
 * for holders of the admin role. A broker that cannot be read leaves its figures out and says why.
 */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Inject
    QueueOverview overview;

    @Inject
    CelerityConfig config;

    @GET
    public QueueView.Listing list() {
        Caller.admin(configuration, security, config.web(), "queues are shown");
        return QueueView.Listing.of(overview.read());
    }
}
