package dev.agentry.batch.diagnostics;

import dev.agentry.core.diagnostics.DiagnosticsService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The diagnostics job's only step: asks the core to record what it sees of the database. */
@Named
@Dependent
public class DiagnosticsBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    @BatchProperty
    String note;

    @Inject
    DiagnosticsService diagnostics;

    @Override
    public String process() {
        diagnostics.record(jobContext.getExecutionId(), note);
        return BatchStatus.COMPLETED.name();
    }
}
