package io.celerity.internal.monitoring;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.execution.Runs;
import io.celerity.internal.execution.WorkerActivity;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.Backlogs;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Ready while this node's workers consume: not when it is stopping, nor when a queue it has workers for holds a task
 * that has been due for longer than {@code celerity.health.stall-after} while none of those workers ran anything
 * in that time (a busy worker is not stalled: tasks then wait for capacity, not for a consumer).
 */
@Readiness
@ApplicationScoped
public class WorkersCheck implements HealthCheck {

    static final String NAME = "celerity-workers";

    @Inject
    HealthProbes probes;

    @Inject
    TaskRegistry registry;

    @Inject
    WorkerActivity activity;

    @Inject
    Runs runs;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (runs.stopping()) {
            return response.down().withData("stopping", true).build();
        }
        Collection<String> queues = registry.workerQueues();
        queues.forEach(queue -> response.withData(queue, "busy " + activity.lane(queue).busy()));
        BoundedProbe.Result<List<Backlogs.Backlog>> backlogs = probes.database();
        if (!backlogs.up()) {
            return response.up().withData("backlog", "unknown: the database did not answer").build();
        }
        Map<String, String> stalled = stalled(backlogs.value(), queues, activity::lane, clock.instant(),
                config.stallAfter());
        stalled.forEach(response::withData);
        return response.status(stalled.isEmpty()).build();
    }

    /** The queues of {@code queues} whose workers leave due tasks waiting, with a description of each. */
    static Map<String, String> stalled(List<Backlogs.Backlog> backlogs, Collection<String> queues,
                                       Function<String, WorkerActivity.Lane> lanes, Instant now, Duration stallAfter) {
        Instant cutoff = now.minus(stallAfter);
        Map<String, String> stalled = new TreeMap<>();
        for (Backlogs.Backlog backlog : backlogs) {
            if (queues.contains(backlog.queue()) && backlog.oldestDue().isBefore(cutoff)
                    && lanes.apply(backlog.queue()).idleSince(cutoff)) {
                stalled.put(backlog.queue(), "stalled: " + backlog.waiting() + " waiting, the oldest due since "
                        + backlog.oldestDue() + ", and no worker of this node took one for " + stallAfter);
            }
        }
        return stalled;
    }
}
