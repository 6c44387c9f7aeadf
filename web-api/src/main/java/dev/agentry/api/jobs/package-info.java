/** The jobs API: every batch job, its schedule and executions; starting, stopping and restarting them. */
package dev.agentry.api.jobs;
