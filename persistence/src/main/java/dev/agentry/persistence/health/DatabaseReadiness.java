package dev.agentry.persistence.health;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/** The application is ready only while both of its databases answer. */
@ApplicationScoped
public class DatabaseReadiness {

    @Resource(lookup = AgentryDatabase.JNDI_NAME)
    DataSource application;

    @Resource(lookup = AgentryDatabase.BATCH_JNDI_NAME)
    DataSource jobRepository;

    /** The application's database. */
    @Produces
    @Readiness
    HealthCheck database() {
        return () -> Connectivity.check("database", application);
    }

    /** The database of the batch runtime's persistent job repository. */
    @Produces
    @Readiness
    HealthCheck jobRepository() {
        return () -> Connectivity.check("job-repository", jobRepository);
    }
}
