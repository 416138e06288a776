package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.monitoring.MetricsScrape;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code <celerity.api.path>/metrics}: this node's metrics in the Prometheus text format, for holders of the admin
 * role (a scraper signs in as one, with the application's authentication mechanism).
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Inject
    MetricsScrape scrape;

    @Inject
    CelerityConfig config;

    @GET
    public Response metrics() {
        Caller.admin(configuration, security, config.web(), "metrics are served");
        return Response.ok(scrape.scrape(), MetricsScrape.CONTENT_TYPE).build();
    }
}
