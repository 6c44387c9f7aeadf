/** Integration state: checkpoints and lag. */
package dev.agentry.api.sync;
