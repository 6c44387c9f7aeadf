/** The retention job's steps: expired keys read in key order, removed a chunk at a time, then the audit. */
package dev.agentry.batch.retention;
