package dev.agentry.core.database;

import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.schema.MigrationStatus;
import dev.agentry.persistence.schema.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Facts about the application's database, read live from the server-defined datasource. */
@ApplicationScoped
public class DatabaseInfo {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    @Resource(lookup = AgentryDatabase.JNDI_NAME)
    private DataSource dataSource;

    /** Whether a connection can be obtained and answers a validity check in time. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) PING_TIMEOUT.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    /** The product and version, e.g. {@code H2 2.2.224 (2023-09-17)}. */
    public String product() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable", e);
        }
    }

    public MigrationStatus migrations() {
        return new SchemaMigrations(dataSource).status();
    }
}
