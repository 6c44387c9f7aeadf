/** Agent memory entries: JSON values by layer, agent, owner and key, each with its content hash. */
package dev.agentry.persistence.memory;
