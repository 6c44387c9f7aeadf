package dev.agentry.persistence.schema;

/**
 * What the schema history says about the database.
 *
 * @param currentVersion the newest applied migration, or {@code null} on an empty database
 * @param applied how many migrations have been applied
 * @param pending how many migrations the application carries that are not applied yet
 * @param failed whether a migration is recorded as failed
 */
public record MigrationStatus(String currentVersion, int applied, int pending, boolean failed) {

    public boolean upToDate() {
        return pending == 0 && !failed && currentVersion != null;
    }
}
