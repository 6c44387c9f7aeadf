/** The Jakarta Batch runtime behind the core's job contract, and its readiness. */
package dev.agentry.batch.runtime;
