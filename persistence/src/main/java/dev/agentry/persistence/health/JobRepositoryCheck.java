package dev.agentry.persistence.health;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database of the batch runtime's persistent job repository answers. */
@Readiness
@ApplicationScoped
public class JobRepositoryCheck implements HealthCheck {

    static final String NAME = "job-repository";

    @Resource(lookup = AgentryDatabase.BATCH_JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return Connectivity.check(NAME, dataSource);
    }
}
