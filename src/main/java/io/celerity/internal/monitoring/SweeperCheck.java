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
 * stuck, or its schedule died). A tick that fails, because the database is down, still ticks: restarting the node
 * would not help.
 */
@Liveness
@ApplicationScoped
public class SweeperCheck implements HealthCheck {

    static final String NAME = "celerity-sweeper";

    @Inject
    Sweeper sweeper;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Map<String, Sweeper.Tick> ticks = sweeper.lastTicks();
        Map<String, String> stuck = stuck(ticks, clock.instant(), config.stallAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(stuck.isEmpty());
        ticks.forEach((job, tick) -> response.withData(job, stuck.getOrDefault(job, "last tick ended " + tick.ended())));
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
