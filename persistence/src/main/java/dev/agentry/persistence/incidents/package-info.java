/** Incidents opened from signals crossing their thresholds, and each one's transitions. */
package dev.agentry.persistence.incidents;
