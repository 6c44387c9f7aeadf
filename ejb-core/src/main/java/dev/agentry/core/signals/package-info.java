/**
 * Invalidation across the nodes sharing one database: a change every node must see at once is written with a
 * signal row in its own transaction, and every node reads the new signals a few times a second and drops what
 * it cached of what they name.
 */
package dev.agentry.core.signals;
