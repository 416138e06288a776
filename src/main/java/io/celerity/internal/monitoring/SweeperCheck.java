package io.celerity.internal.monitoring;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.execution.Sweeper;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live while this node's periodic jobs (heartbeat and sweep) tick: not when a tick has run for longer than
 * {@code celerity.health.stall-after}, nor when none has ended for that long beyond the job's period (its thread is
 * stuck, or its schedule died), provided the database answers. While it does not, a tick waiting for it is not a
 * reason to restart the node: every node would restart at once, and none would come back sooner.
 */
@Liveness
@ApplicationScoped
public class SweeperCheck implements HealthCheck {

    static final String NAME = "celerity-sweeper";

    @Inject
    Sweeper sweeper;

    @Inject
    HealthProbes probes;

    @Inject
    HealthSwitch enabled;

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
        Map<String, Sweeper.Tick> ticks = sweeper.lastTicks();
        Map<String, String> stuck = stuck(ticks, clock.instant(), config.stallAfter());
        boolean databaseAnswers = stuck.isEmpty() || probes.database().up();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(stuck.isEmpty() || !databaseAnswers);
        ticks.forEach((job, tick) -> response.withData(job, stuck.containsKey(job)
                ? stuck.get(job) + (databaseAnswers ? "" : ", while the database does not answer")
                : "last tick ended " + tick.ended()));
        return response.build();
    }

    /** The jobs that stopped ticking, with a description of each. */
    static Map<String, String> stuck(Map<String, Sweeper.Tick> ticks, Instant now, Duration stallAfter) {
        Map<String, String> stuck = new TreeMap<>();
        ticks.forEach((job, tick) -> {
            if (tick.started() != null && tick.started().plus(stallAfter).isBefore(now)) {
                stuck.put(job, "stuck: its tick started at " + tick.started() + " and has not ended");
            } else if (tick.started() == null && tick.ended().plus(tick.period()).plus(stallAfter).isBefore(now)) {
                stuck.put(job, "stopped: no tick since " + tick.ended());
            }
        });
        return stuck;
    }
}
