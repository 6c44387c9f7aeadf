package dev.agentry.core.catalog;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.StepReport;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catalog imports as operators start them: the uploaded file is kept in the server's data directory
 * and the {@code catalog-import} job reads it from there, so a stopped or failed execution can be
 * restarted on the same file and resumes after its last committed chunk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Boundary
public class CatalogImports {

    public static final String JOB = "catalog-import";

    /** Job parameter: the import file's name in the imports directory (never a path from outside). */
    public static final String FILE = "file";

    /** Job parameter: where the records came from, {@code upload} or {@code demo}. */
    public static final String SOURCE = "source";

    /** What an import did so far. */
    public record ImportReport(
            JobExecutionView execution, long read, long written, long skipped, List<String> problems) {}

    /** The formats an import file may have. */
    public enum Format {
        JSON_LINES(".jsonl"),
        CSV(".csv");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }
    }

    @Inject
    JobControl jobs;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    public JobExecutionView start(InputStream content, Format format) {
        return start(content, format, "upload");
    }

    /** Starts an import of {@code content}; {@code source} says where it came from, for operators. */
    public JobExecutionView start(InputStream content, Format format, String source) {
        String name = UUID.randomUUID() + format.suffix;
        Path file = ImportFiles.directory(dataDir).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            long size = Files.copy(content, file);
            if (size == 0) {
                Files.delete(file);
                throw AgentryException.validation(List.of(new FieldError("body", "empty", "the import file is empty")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the import file", e);
        }
        return jobs.start(JOB, Map.of(FILE, name, SOURCE, source));
    }

    public ImportReport report(long executionId) {
        JobExecutionView execution = existing(executionId);
        StepReport steps = jobs.report(executionId).orElse(new StepReport(0, 0, 0, List.of()));
        return new ImportReport(execution, steps.read(), steps.written(), steps.skipped(), steps.problems());
    }

    /** The newest imports first. */
    /** The newest {@code limit} imports, newest first. */
    public Page<JobExecutionView> recent(int limit) {
        return Page.newest(jobs.recentExecutions(JOB, limit + 1), limit);
    }

    public JobExecutionView stop(long executionId) {
        return jobs.stop(existing(executionId).executionId());
    }

    public JobExecutionView restart(long executionId) {
        return jobs.restart(existing(executionId).executionId());
    }

    private JobExecutionView existing(long executionId) {
        return jobs.execution(executionId)
                .filter(e -> e.jobName().equals(JOB))
                .orElseThrow(() -> AgentryException.notFound("There is no import " + executionId + "."));
    }
}
