package io.celerity.internal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the broker answers, within {@code celerity.health.timeout}, through the connection factory Celerity
 * sends through.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    static final String NAME = "celerity-broker";

    @Inject
    HealthProbes probes;

    @Inject
    HealthSwitch enabled;

    @Override
    public HealthCheckResponse call() {
        return enabled.probed(NAME, probes::broker);
    }
}
