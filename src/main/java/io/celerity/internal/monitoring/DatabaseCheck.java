package io.celerity.internal.monitoring;

import io.celerity.internal.store.Backlogs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/** Ready while the task table answers a query within {@code celerity.health.timeout}. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "celerity-database";

    @Inject
    HealthProbes probes;

    @Override
    public HealthCheckResponse call() {
        BoundedProbe.Result<List<Backlogs.Backlog>> result = probes.database();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(result.up());
        return result.up()
                ? response.withData("waiting", result.value().stream().mapToLong(Backlogs.Backlog::waiting).sum()).build()
                : response.withData("error", result.failure()).build();
    }
}
