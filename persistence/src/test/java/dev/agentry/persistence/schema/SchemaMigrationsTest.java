package dev.agentry.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void anEmptyDatabaseHasPendingMigrationsAndIsNotUpToDate() {
        MigrationStatus status = new SchemaMigrations(dataSource).status();

        assertNull(status.currentVersion());
        assertTrue(status.pending() > 0);
        assertFalse(status.upToDate());
    }

    @Test
    void migrateAppliesEveryMigrationOnceAndCreatesTheTables() throws Exception {
        SchemaMigrations migrations = new SchemaMigrations(dataSource);

        int first = migrations.migrate();
        int second = migrations.migrate();

        MigrationStatus status = migrations.status();
        assertTrue(first > 0);
        assertEquals(0, second, "a second migrate has nothing left to apply");
        assertTrue(status.upToDate());
        assertEquals(first, status.applied());
        try (Connection c = dataSource.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "DIAGNOSTIC_RECORD", null)) {
            assertTrue(tables.next(), "diagnostic_record exists after migration");
        }
    }
}
