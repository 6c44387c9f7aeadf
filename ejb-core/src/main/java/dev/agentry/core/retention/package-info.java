/**
 * Retention: what is past its horizon is removed in short chunks, each counted in its own transaction, and
 * every pass is audited with its counts per kind. Nothing still referenced is removed.
 */
package dev.agentry.core.retention;
