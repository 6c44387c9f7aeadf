package dev.agentry.core.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the application's database answers. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";

    @Inject
    DatabaseInfo database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(database.reachable()).build();
    }
}
