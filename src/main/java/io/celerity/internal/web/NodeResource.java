package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.store.NodeTable;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code <celerity.api.path>/nodes}: the nodes that run workers, with their heartbeat and the tasks they run now, for
 * holders of the admin role (a node's tasks are anyone's).
 */
@Path("nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    /** Running tasks listed at most, over all nodes. */
    static final int MAX_RUNNING = 500;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Inject
    NodeTable nodes;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @GET
    public NodeView.Listing list() {
        Caller.admin(configuration, security, config.web(), "nodes are shown");
        Map<String, List<NodeView.Task>> running = nodes.running(MAX_RUNNING).stream()
                .collect(Collectors.groupingBy(task -> String.valueOf(task.runner()), LinkedHashMap::new,
                        Collectors.mapping(task -> new NodeView.Task(task.id(), task.taskName(), task.state(),
                                task.startedAt(), task.attempt()), Collectors.toList())));
        return new NodeView.Listing(nodes.list().stream()
                .map(row -> NodeView.of(row, running, clock.instant(), config.lease())).toList());
    }
}
