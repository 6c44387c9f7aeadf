package dev.agentry.core.diagnostics;

import dev.agentry.core.jobs.JobExecutionView;
import java.time.Instant;

/**
 * One diagnostics run: the job execution and, once the job has written it, what it recorded.
 *
 * @param execution the job execution from the job repository
 * @param record what the job wrote to the application's database, or {@code null} before it has
 */
public record DiagnosticRun(JobExecutionView execution, Finding record) {

    /**
     * What a diagnostics job saw.
     *
     * @param note the operator's note, if any
     * @param schemaVersion the applied schema version
     * @param databaseProduct the database product and version
     * @param recordedAt when the job wrote this
     */
    public record Finding(String note, String schemaVersion, String databaseProduct, Instant recordedAt) {}
}
