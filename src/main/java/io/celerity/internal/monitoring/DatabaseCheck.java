package io.celerity.internal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the task table answers a look-up within {@code celerity.health.timeout}. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "celerity-database";

    @Inject
    HealthProbes probes;

    @Inject
    HealthSwitch enabled;

    @Override
    public HealthCheckResponse call() {
        return enabled.probed(NAME, probes::database);
    }
}
