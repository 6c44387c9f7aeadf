/**
 * Several nodes, one system: each node's name and heartbeat, and the duties exactly one node performs at a time,
 * coordinated through the shared database (leases, and row locks for batches any node may run).
 */
package dev.agentry.core.cluster;
