package dev.agentry.persistence.schema;

import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The versioned migrations under {@code db/migration}, written in SQL both H2 and PostgreSQL accept.
 * Migrations only move forward: a changed, already-applied migration fails validation instead of
 * silently diverging.
 */
public final class SchemaMigrations {

    static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;

    public SchemaMigrations(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    /** Applies every pending migration; returns how many were applied. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    public MigrationStatus status() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        boolean failed = Arrays.stream(info.all()).anyMatch(m -> m.getState() == MigrationState.FAILED);
        return new MigrationStatus(
                current == null ? null : current.getVersion().getVersion(),
                info.applied().length,
                info.pending().length,
                failed);
    }
}
