/** Integration state: consumers' checkpoints in the changes feed. */
package dev.agentry.persistence.sync;
