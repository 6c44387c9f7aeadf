/** The sync-state job's step. */
package dev.agentry.batch.sync;
