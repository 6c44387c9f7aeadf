package dev.agentry.admin.jobs;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.jobs.JobExecutionDetail;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobSummary;
import dev.agentry.core.operations.JobsService;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Batch jobs for the operator: every job with its schedule, next fire time and last execution, a job's recent
 * executions with their status, one execution's steps (counts, timings, the redacted failure), and the
 * buttons the jobs API offers: start a job now, stop a running execution, restart a failed or stopped one. A
 * button shows only where the jobs service would accept it (its own rule), so none is offered that answers 409.
 */
@Named
@ViewScoped
public class JobsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Executions listed at once; older ones are in {@code GET /jobs/executions}. */
    static final int RECENT = 20;

    @Inject
    transient JobsService jobs;

    private String job;
    private Long execution;
    private List<JobSummary> list = List.of();
    private List<JobExecutionView> executions = List.of();
    private JobExecutionDetail selected;
    private Set<Long> stoppable = Set.of();
    private Set<Long> restartable = Set.of();

    public void load() {
        try {
            list = jobs.jobs(Grant.console()).data();
            String filter = job == null || job.isBlank() ? null : job;
            executions = jobs.executions(Grant.console(), filter, null, null, RECENT, null)
                    .data();
            selected = execution == null ? null : jobs.execution(Grant.console(), execution);
            // Asked once per load, not per render: a restart's answer costs a look at the job repository.
            stoppable = ids(executions, jobs::stoppable);
            restartable = ids(executions, jobs::restartable);
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    public String start(String name) {
        return act(() -> jobs.start(Grant.console(), name, Map.of()), "jobs.startedJob");
    }

    public String stop(long id) {
        return act(() -> jobs.stop(Grant.console(), id), "jobs.stopping");
    }

    public String restart(long id) {
        return act(() -> jobs.restart(Grant.console(), id), "jobs.restarted");
    }

    /**
     * Runs an action, says what it did and shows the execution it answered by a redirect
     * (Post/Redirect/Get): a reload then shows that execution, it does not start, stop or restart again.
     */
    private String act(Action action, String message) {
        try {
            JobExecutionView result = action.run();
            PageMessages.info(PageMessages.text(message, result.jobName(), String.valueOf(result.executionId())));
            execution = result.executionId();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return PageMessages.redirect(self());
    }

    /** This page for the job filter and the execution shown. */
    private String self() {
        StringBuilder page = new StringBuilder("jobs");
        String separator = "?";
        if (job != null && !job.isBlank()) {
            page.append(separator).append("job=").append(URLEncoder.encode(job, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (execution != null) {
            page.append(separator).append("execution=").append(execution);
        }
        return page.toString();
    }

    private static Set<Long> ids(List<JobExecutionView> executions, Predicate<JobExecutionView> allowed) {
        return executions.stream()
                .filter(allowed)
                .map(JobExecutionView::executionId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the jobs service would stop this execution now (never an agent task run's). */
    public boolean stoppable(long executionId) {
        return stoppable.contains(executionId);
    }

    /** Whether the jobs service would restart this execution now. */
    public boolean restartable(long executionId) {
        return restartable.contains(executionId);
    }

    @FunctionalInterface
    private interface Action {
        JobExecutionView run();
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public Long getExecution() {
        return execution;
    }

    public void setExecution(Long execution) {
        this.execution = execution;
    }

    public List<JobSummary> getList() {
        return list;
    }

    public List<JobExecutionView> getExecutions() {
        return executions;
    }

    public JobExecutionDetail getSelected() {
        return selected;
    }
}
