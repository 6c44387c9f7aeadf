package dev.agentry.batch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobStatus;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobExecutionsTest {

    @Test
    void translatesEveryFieldOfAnExecution() {
        Properties parameters = JobExecutions.properties(Map.of("note", "hello"));
        parameters.setProperty("jberet.jobXmlName", "diagnostics.xml");
        parameters.setProperty(JobControl.NODE_PARAMETER, "node-a");
        JobExecution execution = new FixedExecution(parameters, new Date(1_000), new Date(2_000), null);

        JobExecutionView view = JobExecutions.view(execution);

        assertEquals(42L, view.executionId());
        assertEquals("diagnostics", view.jobName());
        assertEquals(JobStatus.STARTED, view.status());
        assertEquals(Map.of("note", "hello"), view.parameters());
        assertEquals(1_000, view.createdAt().toEpochMilli());
        assertEquals(2_000, view.startedAt().toEpochMilli());
        assertNull(view.endedAt());
    }

    @Test
    void everyBatchStatusHasACoreStatus() {
        for (BatchStatus status : BatchStatus.values()) {
            assertEquals(status.name(), JobStatus.valueOf(status.name()).name());
        }
    }

    private record FixedExecution(Properties parameters, Date created, Date started, Date ended)
            implements JobExecution {
        @Override
        public long getExecutionId() {
            return 42;
        }

        @Override
        public String getJobName() {
            return "diagnostics";
        }

        @Override
        public BatchStatus getBatchStatus() {
            return BatchStatus.STARTED;
        }

        @Override
        public Date getStartTime() {
            return started;
        }

        @Override
        public Date getEndTime() {
            return ended;
        }

        @Override
        public String getExitStatus() {
            return null;
        }

        @Override
        public Date getCreateTime() {
            return created;
        }

        @Override
        public Date getLastUpdatedTime() {
            return started;
        }

        @Override
        public Properties getJobParameters() {
            return parameters;
        }
    }
}
