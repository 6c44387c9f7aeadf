package dev.agentry.persistence.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/** Whether a datasource hands out a connection that answers a validity check in time. */
final class Connectivity {

    private static final Logger LOG = Logger.getLogger(Connectivity.class);
    private static final int TIMEOUT_SECONDS = 2;

    private Connectivity() {}

    static HealthCheckResponse check(String name, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named(name)
                    .status(connection.isValid(TIMEOUT_SECONDS))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            // The exception may name hosts or users: the log gets it, the report does not.
            LOG.warnf(e, "Readiness check %s cannot reach its database", name);
            return HealthCheckResponse.named(name).down().build();
        }
    }
}
