package dev.agentry.persistence.schema;

/**
 * Where the application's database is found. The server defines the datasource (H2 by default,
 * PostgreSQL by configuration), so the application names it and never its URL.
 */
public final class AgentryDatabase {

    public static final String JNDI_NAME = "java:jboss/datasources/AgentryDS";

    /** The batch runtime's job repository; JBeret owns its tables. */
    public static final String BATCH_JNDI_NAME = "java:jboss/datasources/AgentryBatchDS";

    public static final String PERSISTENCE_UNIT = "agentry";

    private AgentryDatabase() {}
}
