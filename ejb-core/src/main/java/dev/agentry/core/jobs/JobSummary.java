package dev.agentry.core.jobs;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;

/**
 * A job in {@code GET /jobs}: what it does, when it runs next and how it last went.
 *
 * @param name the job's id
 * @param description what it does
 * @param startable whether {@code POST /jobs/{name}/start} starts it
 * @param exclusive whether at most one execution runs at a time
 * @param schedule the configured schedule (cron-style, UTC), or {@code off}
 * @param scheduleProblem why the configured schedule is not in force, or {@code null}
 * @param nextFireAt when the schedule next starts it, or {@code null}
 * @param lastExecution its most recent execution; absent if it never ran
 */
public record JobSummary(
        String name,
        String description,
        boolean startable,
        boolean exclusive,
        String schedule,
        @JsonbNillable String scheduleProblem,
        @JsonbNillable Instant nextFireAt,
        JobExecutionView lastExecution)
        implements Serializable {}
