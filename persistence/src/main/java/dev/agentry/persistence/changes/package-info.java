/** The changes feed: one record per catalog change, positioned after commit. */
package dev.agentry.persistence.changes;
