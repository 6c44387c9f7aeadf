package dev.agentry.core.operations;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.jobs.ExecutionActions;
import dev.agentry.core.jobs.JobCatalog;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobDefinition;
import dev.agentry.core.jobs.JobExecutionDetail;
import dev.agentry.core.jobs.JobExecutionFilter;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobLauncher;
import dev.agentry.core.jobs.JobScheduler;
import dev.agentry.core.jobs.JobStatus;
import dev.agentry.core.jobs.JobSummary;
import dev.agentry.core.jobs.StepView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The jobs API's rules: every job with its schedule and last execution, executions filtered and paged,
 * one execution with its steps and a redacted failure, and starting, stopping and restarting them. The
 * executions of another feature's job (an agent task run) are read-only here, and their parameters (which
 * name a credential's run) are shown only to a caller who may read every run.
 */
@Boundary
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobsService {

    /** At most this many parameters, each name and value bounded, in a start. */
    public static final int MAX_PARAMETERS = 10;

    static final int MAX_PARAMETER_LENGTH = 200;

    @Inject
    JobCatalog catalog;

    @Inject
    JobControl jobs;

    @Inject
    JobLauncher launcher;

    @Inject
    JobScheduler schedules;

    @Inject
    CursorSeal seal;

    /** Every job, in the catalog's order. */
    public Page<JobSummary> jobs(Grant grant) {
        return Page.whole(catalog.all().stream()
                .map(job -> {
                    JobScheduler.ScheduleState schedule = schedules.state(job);
                    JobExecutionView last = jobs.recentExecutions(job.name(), 1).stream()
                            .findFirst()
                            .map(execution -> visible(grant, execution))
                            .orElse(null);
                    return new JobSummary(
                            job.name(),
                            job.description(),
                            job.startable(),
                            job.exclusive(),
                            schedule.expression(),
                            schedule.problem(),
                            schedule.nextFireAt(),
                            last);
                })
                .toList());
    }

    /**
     * Executions newest first.
     *
     * @param job a job's name, or {@code null}
     * @param status a status, or {@code null}
     * @param since only executions created at or after it, or {@code null}
     */
    public Page<JobExecutionView> executions(
            Grant grant, String job, JobStatus status, Instant since, int limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (job != null && catalog.find(job).isEmpty()) {
            errors.add(new FieldError("job", "unknown", "job must be one of " + names()));
        }
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        JobExecutionFilter filter = new JobExecutionFilter(job, status, since);
        String binding = "jobs|" + Objects.toString(job, "") + "|" + Objects.toString(status, "") + "|"
                + (since == null ? "" : since.toEpochMilli());
        Long before = null;
        if (cursor != null) {
            String payload = seal.open(cursor);
            if (!payload.startsWith(binding + "|")) {
                throw CursorSeal.invalid("The cursor belongs to another listing or other filters.");
            }
            before = Long.parseLong(payload.substring(binding.length() + 1));
        }
        List<JobExecutionView> found = jobs.executions(filter, before, limit + 1);
        boolean more = found.size() > limit;
        List<JobExecutionView> page = more ? found.subList(0, limit) : found;
        String next = more ? seal.seal(binding + "|" + page.get(page.size() - 1).executionId()) : null;
        return Page.of(page.stream().map(e -> visible(grant, e)).toList(), next);
    }

    public JobExecutionDetail execution(Grant grant, long executionId) {
        JobExecutionView execution = visible(grant, find(executionId));
        List<StepView> steps = jobs.steps(executionId).stream()
                .map(step -> step.withFailure(JobFailure.redacted(step.failure())))
                .toList();
        String failure = null;
        if (execution.status() == JobStatus.FAILED) {
            failure = steps.stream()
                    .filter(step -> step.failure() != null)
                    .map(step -> "Step " + step.name() + ": " + step.failure())
                    .findFirst()
                    .orElse("The job failed (exit status " + execution.exitStatus() + ").");
        }
        return new JobExecutionDetail(execution, steps, failure);
    }

    /** Starts a job an operator may start, with the parameters it takes. */
    public JobExecutionView start(Grant grant, String name, Map<String, String> parameters) {
        JobDefinition job =
                catalog.find(name).orElseThrow(() -> AgentryException.notFound("Job " + name + " does not exist."));
        if (!job.startable()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "Job " + name + " is started by its own API, not by the jobs API.");
        }
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        validate(job, given);
        return visible(grant, launcher.start(job, given));
    }

    public JobExecutionView stop(Grant grant, long executionId) {
        JobExecutionView execution = find(executionId);
        ExecutionActions.stopRefusal(definition(execution), execution).ifPresent(JobsService::refuse);
        return visible(grant, jobs.stop(executionId));
    }

    /** Restarts a failed or stopped execution from its last checkpoint, as a new execution. */
    public JobExecutionView restart(Grant grant, long executionId) {
        JobExecutionView execution = find(executionId);
        JobDefinition job = definition(execution);
        ExecutionActions.restartRefusal(job, execution, runningOf(job)).ifPresent(JobsService::refuse);
        return visible(grant, launcher.restart(job, executionId));
    }

    /** Whether {@link #stop} would accept this execution now: the console shows its Stop button only then. */
    public boolean stoppable(JobExecutionView execution) {
        return catalog.find(execution.jobName())
                .map(job -> ExecutionActions.stopRefusal(job, execution).isEmpty())
                .orElse(false);
    }

    /**
     * Whether {@link #restart} would accept this execution now: the console shows its Restart button only then.
     * (The launcher checks the one-at-a-time rule again under its lock when the restart comes.)
     */
    public boolean restartable(JobExecutionView execution) {
        return catalog.find(execution.jobName())
                .filter(job -> execution.status().restartable() && !job.managedElsewhere())
                .map(job -> ExecutionActions.restartRefusal(job, execution, runningOf(job))
                        .isEmpty())
                .orElse(false);
    }

    private JobExecutionView find(long executionId) {
        return jobs.execution(executionId)
                .filter(e -> catalog.find(e.jobName()).isPresent())
                .orElseThrow(() -> AgentryException.notFound("Job execution " + executionId + " does not exist."));
    }

    private JobDefinition definition(JobExecutionView execution) {
        return catalog.find(execution.jobName()).orElseThrow();
    }

    /** A running execution of an exclusive job, which bars a restart; other jobs are never asked about. */
    private Optional<JobExecutionView> runningOf(JobDefinition job) {
        return job.exclusive() ? jobs.running(job.name()).stream().findFirst() : Optional.empty();
    }

    private static void refuse(String why) {
        throw new AgentryException(ErrorCode.CONFLICT, why);
    }

    /** A run's job parameters name another credential's run: only who may read every run sees them. */
    private JobExecutionView visible(Grant grant, JobExecutionView execution) {
        boolean hidden = catalog.find(execution.jobName())
                .map(JobDefinition::managedElsewhere)
                .orElse(false);
        if (!hidden || grant.ownsEveryRun()) {
            return execution;
        }
        return new JobExecutionView(
                execution.executionId(),
                execution.jobName(),
                execution.status(),
                execution.exitStatus(),
                execution.createdAt(),
                execution.startedAt(),
                execution.endedAt(),
                Map.of());
    }

    private static void validate(JobDefinition job, Map<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        if (parameters.size() > MAX_PARAMETERS) {
            errors.add(new FieldError("parameters", "too_many", "at most " + MAX_PARAMETERS + " parameters"));
        }
        parameters.forEach((name, value) -> {
            // The caller's text names the field only when it is a plausible name.
            String field = name.matches("[A-Za-z0-9._-]{1,64}") ? "parameters." + name : "parameters";
            if (!job.parameterNames().contains(name)) {
                errors.add(new FieldError(
                        field,
                        "unknown",
                        job.parameterNames().isEmpty()
                                ? job.name() + " takes no parameters"
                                : job.name() + " takes only "
                                        + job.parameterNames().stream().sorted().toList()));
            } else if (value == null
                    || value.length() > MAX_PARAMETER_LENGTH
                    || value.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(
                        field,
                        "invalid",
                        "a parameter is text of at most " + MAX_PARAMETER_LENGTH
                                + " characters without control characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
    }

    private List<String> names() {
        return catalog.all().stream().map(JobDefinition::name).toList();
    }
}
