/** The console's batch jobs page: schedules, executions with their steps, start, stop and restart. */
package dev.agentry.admin.jobs;
