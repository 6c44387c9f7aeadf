package dev.agentry.core.database;

import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.schema.MigrationStatus;
import dev.agentry.persistence.schema.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Facts about the application's database, read live from the server-defined datasource. */
@ApplicationScoped
public class DatabaseInfo {

    @Resource(lookup = AgentryDatabase.JNDI_NAME)
    private DataSource dataSource;

    /** The product and version, e.g. {@code H2 2.2.224 (2023-09-17)}. */
    public String product() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable", e);
        }
    }

    /**
     * Read outside any caller transaction: Flyway manages its own connection's commit mode, which a
     * connection enlisted in a JTA transaction refuses.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MigrationStatus migrations() {
        return new SchemaMigrations(dataSource).status();
    }
}
