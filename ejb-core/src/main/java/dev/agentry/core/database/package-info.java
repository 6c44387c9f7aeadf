/** The application's database as the core reports it: product and schema version. */
package dev.agentry.core.database;
