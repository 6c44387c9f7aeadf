package dev.agentry.batch.retention;

import dev.agentry.core.retention.RetentionService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The retention job's last step: the pass's audit record with its counts per kind, written once. */
@Named
@Dependent
public class RetentionAuditBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    RetentionService retention;

    @Override
    public String process() {
        retention.audit(job.getInstanceId());
        return "AUDITED";
    }
}
