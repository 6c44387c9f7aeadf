/** The database schema: versioned Flyway migrations, applied before Hibernate validates the mapping. */
package dev.agentry.persistence.schema;
