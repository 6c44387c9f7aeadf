/** Coordination of the nodes that share this database: who is alive, and who holds which duty. */
package dev.agentry.persistence.cluster;
