/** Batch is an inbound adapter: jobs, their steps and schedules, each delegating to core boundaries. */
package dev.agentry.batch;
