package dev.agentry.core.diagnostics;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.database.DatabaseInfo;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.diagnostics.DiagnosticRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the diagnostics job and reports its runs. A run is visible as long as the job repository
 * keeps its execution, which survives redeploys and restarts.
 */
@Stateless
@Boundary
public class DiagnosticsService {

    /** The job's id, equal to its XML file name in the batch-jobs module. */
    public static final String JOB_NAME = "diagnostics";

    public static final int MAX_LISTED = 100;

    @Inject
    JobControl jobs;

    @Inject
    DatabaseInfo database;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /** Starts a run; the optional note is stored with what the job records. */
    public JobExecutionView start(String note) {
        validateNote(note);
        return jobs.start(JOB_NAME, note == null ? Map.of() : Map.of("note", note));
    }

    public DiagnosticRun find(long executionId) {
        return jobs.execution(executionId)
                .filter(execution -> JOB_NAME.equals(execution.jobName()))
                .map(this::withFinding)
                .orElseThrow(() -> AgentryException.notFound("Diagnostics run " + executionId + " does not exist."));
    }

    /** The newest runs first, at most {@code limit} (1 to {@value #MAX_LISTED}). */
    public Page<DiagnosticRun> recent(int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw AgentryException.validation(
                    List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_LISTED)));
        }
        return Page.newest(
                jobs.recentExecutions(JOB_NAME, limit + 1).stream()
                        .map(this::withFinding)
                        .toList(),
                limit);
    }

    /** Called by the job's step: writes what it sees of the database into the database. */
    public void record(long executionId, String note) {
        if (findingOf(executionId).isPresent()) {
            return; // a restarted step must not write twice
        }
        em.persist(new DiagnosticRecord(
                executionId, note, database.migrations().currentVersion(), database.product(), Instant.now()));
    }

    private DiagnosticRun withFinding(JobExecutionView execution) {
        DiagnosticRun.Finding finding = findingOf(execution.executionId())
                .map(r -> new DiagnosticRun.Finding(
                        r.getNote(), r.getSchemaVersion(), r.getDatabaseProduct(), r.getRecordedAt()))
                .orElse(null);
        return new DiagnosticRun(execution, finding);
    }

    private Optional<DiagnosticRecord> findingOf(long executionId) {
        return em.createNamedQuery("DiagnosticRecord.findByJobExecutionId", DiagnosticRecord.class)
                .setParameter("jobExecutionId", executionId)
                .getResultStream()
                .findFirst();
    }

    static void validateNote(String note) {
        if (note == null) {
            return;
        }
        if (note.length() > DiagnosticRecord.NOTE_MAX_LENGTH) {
            throw AgentryException.validation(List.of(new FieldError(
                    "note", "too_long", "note must be at most " + DiagnosticRecord.NOTE_MAX_LENGTH + " characters")));
        }
        if (note.chars().anyMatch(Character::isISOControl)) {
            throw AgentryException.validation(
                    List.of(new FieldError("note", "invalid_characters", "note must not contain control characters")));
        }
    }
}
