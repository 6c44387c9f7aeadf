package dev.agentry.core.database;

import dev.agentry.persistence.schema.MigrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every migration the application carries is applied and none failed. */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    static final String NAME = "migrations";

    @Inject
    DatabaseInfo database;

    @Override
    public HealthCheckResponse call() {
        MigrationStatus status = database.migrations();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(status.upToDate())
                .withData("applied", status.applied())
                .withData("pending", status.pending())
                .withData("failed", status.failed());
        if (status.currentVersion() != null) {
            response.withData("version", status.currentVersion());
        }
        return response.build();
    }
}
