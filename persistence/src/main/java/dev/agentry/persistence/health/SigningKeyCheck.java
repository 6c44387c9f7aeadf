package dev.agentry.persistence.health;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only while a stored key signs tokens now (SPEC section 5): without one, no client can obtain
 * a token. Plain JDBC, like the other checks, so it can report a database the JPA layer cannot use.
 */
@Readiness
@ApplicationScoped
public class SigningKeyCheck implements HealthCheck {

    static final String NAME = "signing-key";

    private static final Logger LOG = Logger.getLogger(SigningKeyCheck.class);
    private static final String SIGNING = "SELECT kid FROM signing_key WHERE signs_from <= ?"
            + " AND (retired_at IS NULL OR retired_at > ?) ORDER BY signs_from DESC";

    @Resource(lookup = AgentryDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SIGNING)) {
            query.setTimestamp(1, now);
            query.setTimestamp(2, now);
            query.setMaxRows(1);
            try (ResultSet signing = query.executeQuery()) {
                return signing.next()
                        ? HealthCheckResponse.named(NAME)
                                .up()
                                .withData("kid", signing.getString(1))
                                .build()
                        : HealthCheckResponse.named(NAME).down().build();
            }
        } catch (SQLException e) {
            LOG.warn("The signing keys cannot be read", e);
            return HealthCheckResponse.named(NAME).down().build();
        }
    }
}
