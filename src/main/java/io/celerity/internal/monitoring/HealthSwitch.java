package io.celerity.internal.monitoring;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code celerity.health.enabled}: with {@code false}, Celerity's checks answer UP and probe nothing, for an
 * application that does not want its readiness to follow its background tasks.
 */
@ApplicationScoped
public class HealthSwitch {

    @Inject
    CelerityConfig config;

    boolean on() {
        return config.healthEnabled();
    }

    HealthCheckResponse disabled(String check) {
        return HealthCheckResponse.named(check).up().withData("enabled", false).build();
    }
}
