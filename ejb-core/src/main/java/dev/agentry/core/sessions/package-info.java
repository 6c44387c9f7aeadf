/**
 * Sessions: a credential's conversation with one agent, carried across the runs whose task names it,
 * under a single-writer lock, bounded in messages and bytes.
 */
package dev.agentry.core.sessions;
