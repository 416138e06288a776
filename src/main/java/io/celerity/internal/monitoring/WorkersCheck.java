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
import java.util.function.Predicate;

/**
 * Ready while this node's workers consume: not when it is stopping, nor when a queue it has workers for holds a task
 * that has been due for longer than {@code celerity.health.stall-after} while none of those workers was active in that
 * time. A busy worker is not stalled (tasks then wait for capacity, not for a consumer), nor is a task with a rate
 * limit, which may wait for its slot as long as its rate says.
 */
@Readiness
@ApplicationScoped
public class WorkersCheck implements HealthCheck {

    static final String NAME = "celerity-workers";

    @Inject
    HealthProbes probes;

    @Inject
    HealthSwitch enabled;

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
        if (!enabled.on()) {
            return enabled.disabled(NAME);
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (runs.stopping()) {
            return response.down().withData("stopping", true).build();
        }
        BoundedProbe.Result<List<Backlogs.Backlog>> backlogs = probes.backlog();
        if (!backlogs.up()) {
            return response.up().withData("backlog", "unknown").build();
        }
        Map<String, String> stalled = stalled(backlogs.value(), registry.workerQueues(), this::rateLimited,
                activity::lane, clock.instant(), config.stallAfter());
        stalled.forEach(response::withData);
        return response.status(stalled.isEmpty()).build();
    }

    private boolean rateLimited(String task) {
        return registry.byName(task).map(definition -> definition.policy().rateLimit() != null).orElse(false);
    }

    /** The queues of {@code queues} whose workers leave due tasks waiting, with a description of each. */
    static Map<String, String> stalled(List<Backlogs.Backlog> backlogs, Collection<String> queues,
                                       Predicate<String> rateLimited, Function<String, WorkerActivity.Lane> lanes,
                                       Instant now, Duration stallAfter) {
        Instant cutoff = now.minus(stallAfter);
        Map<String, Instant> oldest = new TreeMap<>();
        for (Backlogs.Backlog backlog : backlogs) {
            if (queues.contains(backlog.queue()) && !rateLimited.test(backlog.taskName())
                    && backlog.oldestDue().isBefore(cutoff)) {
                oldest.merge(backlog.queue(), backlog.oldestDue(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, String> stalled = new TreeMap<>();
        oldest.forEach((queue, due) -> {
            if (lanes.apply(queue).idleSince(cutoff)) {
                stalled.put(queue, "stalled: a task due since " + due + " waits, and no worker of this node was "
                        + "active for " + stallAfter);
            }
        });
        return stalled;
    }
}
