/** The agent-task-run job's artifacts: each step hands its phase to the core's run phases. */
package dev.agentry.batch.runs;
