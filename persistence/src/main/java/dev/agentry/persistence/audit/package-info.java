/** The tamper-evident audit trail's records. */
package dev.agentry.persistence.audit;
