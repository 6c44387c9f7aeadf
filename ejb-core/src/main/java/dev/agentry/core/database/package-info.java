/** The application's database as an operator sees it: reachability, product and schema version. */
package dev.agentry.core.database;
