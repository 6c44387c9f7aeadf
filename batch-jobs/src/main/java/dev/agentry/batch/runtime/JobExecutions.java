package dev.agentry.batch.runtime;

import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobStatus;
import jakarta.batch.runtime.JobExecution;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Translates the batch runtime's executions into the core's view of them. */
final class JobExecutions {

    /** JBeret adds parameters of its own under this prefix; they are not the caller's. */
    private static final String RUNTIME_PARAMETER_PREFIX = "jberet.";

    private JobExecutions() {}

    static JobExecutionView view(JobExecution execution) {
        return new JobExecutionView(
                execution.getExecutionId(),
                execution.getJobName(),
                JobStatus.valueOf(execution.getBatchStatus().name()),
                execution.getExitStatus(),
                instant(execution.getCreateTime()),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                parameters(execution.getJobParameters()));
    }

    static Properties properties(Map<String, String> parameters) {
        Properties properties = new Properties();
        properties.putAll(parameters);
        return properties;
    }

    private static Map<String, String> parameters(Properties properties) {
        Map<String, String> parameters = new TreeMap<>();
        if (properties != null) {
            properties.stringPropertyNames().stream()
                    .filter(name ->
                            !name.startsWith(RUNTIME_PARAMETER_PREFIX) && !name.equals(JobControl.NODE_PARAMETER))
                    .forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        return parameters;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
