package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.execution.StatsFlush;
import io.celerity.internal.store.StatTable;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Clock;

/**
 * {@code <celerity.api.path>/stats?window=hour|day}: the tasks started, succeeded, failed and retried over the last
 * hour or day, and run-time percentiles per task name, from every node's statistics in {@code celerity_stat}, for
 * holders of the admin role. This node writes what it counted first, so its current minute is included; other nodes'
 * current minutes appear after their next heartbeat.
 */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Inject
    StatsFlush flush;

    @Inject
    StatTable table;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @GET
    public StatsView stats(@QueryParam("window") String window) {
        Caller.admin(configuration, security, config.web(), "statistics are shown");
        StatsWindow chosen = StatsWindow.of(window);
        flush.flush();
        StatsWindow.Span span = chosen.span(clock.instant());
        long from = span.from().toEpochMilli();
        long to = span.to().toEpochMilli();
        return StatsView.of(span, table.minutes(from, to), table.runTimes(from, to));
    }
}
