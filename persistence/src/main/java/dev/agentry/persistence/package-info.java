/** Agentry's system of record: JPA entities, the persistence unit and its schema migrations. */
package dev.agentry.persistence;
