package dev.agentry.persistence.health;

import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.schema.MigrationStatus;
import dev.agentry.persistence.schema.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Ready only when every migration the application carries is applied and none failed. */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    static final String NAME = "migrations";

    private static final Logger LOG = Logger.getLogger(MigrationsCheck.class);

    @Resource(lookup = AgentryDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // Flyway sets its connection's commit mode
    public HealthCheckResponse call() {
        MigrationStatus status;
        try {
            status = new SchemaMigrations(dataSource).status();
        } catch (RuntimeException e) {
            LOG.warn("The schema history cannot be read", e);
            return HealthCheckResponse.named(NAME).down().build();
        }
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
