package dev.agentry.batch.runtime;

import dev.agentry.core.cluster.ClusterNode;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionFilter;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.RunningExecution;
import dev.agentry.core.jobs.StepReport;
import dev.agentry.core.jobs.StepView;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The core's job contract on the server's JBeret runtime and its JDBC job repository. Runs outside
 * any caller transaction: the repository commits on its own, so a started execution is visible to
 * the job's threads at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobOperatorControl implements JobControl {

    private final JobOperator operator = BatchRuntime.getJobOperator();

    @Inject
    JobRepositoryTables tables;

    @Inject
    Clock clock;

    @Inject
    ClusterNode node;

    @Override
    public JobExecutionView start(String jobName, Map<String, String> parameters) {
        Properties properties = JobExecutions.properties(parameters);
        properties.setProperty(NODE_PARAMETER, node.name());
        long executionId = operator.start(jobName, properties);
        return JobExecutions.view(operator.getJobExecution(executionId));
    }

    @Override
    public Optional<JobExecutionView> execution(long executionId) {
        try {
            return Optional.of(JobExecutions.view(operator.getJobExecution(executionId)));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public JobExecutionView stop(long executionId) {
        try {
            operator.stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "Execution " + executionId + " is not running, so it cannot be stopped.");
        }
        return JobExecutions.view(operator.getJobExecution(executionId));
    }

    @Override
    public JobExecutionView restart(long executionId) {
        try {
            Properties parameters = new Properties();
            parameters.putAll(operator.getParameters(executionId));
            parameters.setProperty(NODE_PARAMETER, node.name()); // this node runs the new execution
            return JobExecutions.view(operator.getJobExecution(operator.restart(executionId, parameters)));
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "Execution " + executionId + " completed; there is nothing to restart.");
        } catch (JobExecutionNotMostRecentException e) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "Execution " + executionId + " was already restarted; restart its most recent execution.");
        } catch (JobRestartException e) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "Execution " + executionId + " cannot be restarted: only a stopped or failed execution can.");
        }
    }

    @Override
    public Optional<StepReport> report(long executionId) {
        List<StepExecution> steps;
        try {
            steps = operator.getStepExecutions(executionId);
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
        long read = 0;
        long written = 0;
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        for (StepExecution step : steps) {
            for (Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> read += metric.getValue();
                    case WRITE_COUNT -> written += metric.getValue();
                    case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += metric.getValue();
                    default -> {
                        // not reported
                    }
                }
            }
            if (step.getPersistentUserData() instanceof SkippedItems items) {
                problems.addAll(items.problems());
            }
        }
        return Optional.of(new StepReport(read, written, skipped, problems));
    }

    @Override
    public List<JobExecutionView> recentExecutions(String jobName, int limit) {
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(jobName, 0, limit);
        } catch (NoSuchJobException e) {
            return List.of(); // never run yet
        }
        return instances.stream()
                .flatMap(instance -> operator.getJobExecutions(instance).stream())
                .map(JobExecutions::view)
                .sorted(Comparator.comparingLong(JobExecutionView::executionId).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<JobExecutionView> executions(JobExecutionFilter filter, Long beforeId, int limit) {
        return tables.executionIds(filter, beforeId, limit).stream()
                .map(this::execution)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public List<StepView> steps(long executionId) {
        return tables.steps(executionId, clock);
    }

    @Override
    public List<JobExecutionView> running(String jobName) {
        return tables.runningExecutionIds(jobName).stream()
                .map(this::execution)
                .flatMap(Optional::stream)
                .filter(e -> e.status().running())
                .toList();
    }

    @Override
    public List<RunningExecution> runningExecutions(Collection<String> jobNames) {
        return tables.runningExecutions(jobNames);
    }

    @Override
    public int failInterrupted(Collection<Long> executionIds) {
        return tables.failInterrupted(executionIds, clock.instant());
    }

    @Override
    public List<Long> finishedBefore(java.time.Instant endedBefore, long afterId, int limit) {
        return tables.finishedBefore(endedBefore, afterId, limit);
    }

    @Override
    public int removeExecutions(List<Long> executionIds, java.time.Instant endedBefore) {
        return tables.removeExecutions(executionIds, endedBefore);
    }
}
