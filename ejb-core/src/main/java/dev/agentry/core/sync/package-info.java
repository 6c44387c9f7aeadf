/** Integration state: consumers' checkpoints in the changes feed and their lag. */
package dev.agentry.core.sync;
