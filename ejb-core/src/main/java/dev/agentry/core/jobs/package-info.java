/**
 * What the core asks of the batch runtime. The batch-jobs module implements {@link
 * dev.agentry.core.jobs.JobControl}, so the core starts and reads jobs without knowing batch types.
 */
package dev.agentry.core.jobs;
