package io.celerity.internal.monitoring;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.function.Supplier;

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

    /** A check that is up while its probe's resource answers, with the failure as its data when it does not. */
    HealthCheckResponse probed(String check, Supplier<BoundedProbe.Result<?>> probe) {
        if (!on()) {
            return disabled(check);
        }
        BoundedProbe.Result<?> result = probe.get();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(check).status(result.up());
        return result.up() ? response.build() : response.withData("error", result.failure()).build();
    }
}
