package dev.agentry.batch.runtime;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Ready only while the batch runtime can read its persistent job repository. */
@Readiness
@ApplicationScoped
public class JobRepositoryCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(JobRepositoryCheck.class);

    static final String NAME = "job-repository";

    @Override
    public HealthCheckResponse call() {
        try {
            // Reading the job names is a query against the repository's tables.
            int jobs = BatchRuntime.getJobOperator().getJobNames().size();
            return HealthCheckResponse.named(NAME).up().withData("jobs", jobs).build();
        } catch (RuntimeException e) {
            LOG.warn("The job repository cannot be read", e);
            return HealthCheckResponse.named(NAME).down().build();
        }
    }
}
