package dev.agentry.admin.dashboard;

import dev.agentry.core.audit.AuditOutcome;
import dev.agentry.core.audit.AuditQuery;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.cluster.ClusterRoster;
import dev.agentry.core.cluster.ClusterView;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.health.HealthReport;
import dev.agentry.core.incidents.IncidentService;
import dev.agentry.core.incidents.IncidentStatus;
import dev.agentry.core.incidents.IncidentView;
import dev.agentry.core.incidents.LevelSamples;
import dev.agentry.core.jobs.JobStatus;
import dev.agentry.core.lifecycle.LifecycleService;
import dev.agentry.core.operations.JobsService;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.webhooks.WebhookDeliveries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * The dashboard: readiness, credentials about to expire, recent denials, webhook backlog, runs, and the cluster's
 * nodes with the duties each holds.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    transient Instance<HealthCheck> readiness;

    @Inject
    transient CredentialService credentials;

    @Inject
    transient AuditService audit;

    @Inject
    transient WebhookDeliveries deliveries;

    @Inject
    transient RunService runs;

    @Inject
    transient Clock clock;

    @Inject
    transient IncidentService incidents;

    @Inject
    transient LevelSamples levels;

    @Inject
    transient LifecycleService lifecycle;

    @Inject
    transient JobsService jobs;

    @Inject
    transient ClusterRoster roster;

    private long openIncidents;
    private long criticalIncidents;
    private long worstLagSeconds;
    private long risks;
    private long failedJobs;

    private List<HealthReport.Check> checks;
    private List<CredentialView> expiring;
    private List<AuditView> denials;
    private long backlog;
    private long deadLetters;
    private Map<String, Long> runsByStatus;
    private ClusterView cluster;

    @PostConstruct
    void load() {
        checks = HealthReport.of(readiness).checks();
        expiring = credentials.list(Grant.console()).stream()
                .filter(CredentialView::expiringSoon)
                .sorted(Comparator.comparing(CredentialView::expiresAt))
                .toList();
        List<AuditView> denied = new ArrayList<>(audit.page(new AuditQuery(
                        clock.instant().minus(Duration.ofDays(1)),
                        null,
                        null,
                        null,
                        AuditOutcome.DENIED,
                        null,
                        AuditService.MAX_PAGE))
                .data());
        denied.sort(Comparator.comparing(AuditView::sequence).reversed());
        denials = denied.stream().limit(10).toList();
        backlog = deliveries.backlog();
        deadLetters = deliveries.deadLetterCount();
        runsByStatus = runs.countByStatus();
        List<IncidentView> open = incidents
                .list(Grant.console(), null, IncidentStatus.OPEN, new PageLimit(PageLimit.MAX))
                .data();
        openIncidents = open.size();
        criticalIncidents =
                open.stream().filter(i -> i.severity().equals("critical")).count();
        worstLagSeconds = levels.worstLagSeconds(clock.instant());
        failedJobs = jobs.jobs(Grant.console()).data().stream()
                .filter(job ->
                        job.lastExecution() != null && job.lastExecution().status() == JobStatus.FAILED)
                .count();
        cluster = roster.view();
        risks = lifecycle.risks(Grant.console()).stream()
                .filter(r -> !r.severity().equals("info"))
                .count();
    }

    public List<HealthReport.Check> getChecks() {
        return checks;
    }

    public boolean isReady() {
        return checks.stream().allMatch(HealthReport.Check::up);
    }

    public List<CredentialView> getExpiring() {
        return expiring;
    }

    public List<AuditView> getDenials() {
        return denials;
    }

    public long getBacklog() {
        return backlog;
    }

    public long getDeadLetters() {
        return deadLetters;
    }

    public List<Map.Entry<String, Long>> getRunsByStatus() {
        return List.copyOf(runsByStatus.entrySet());
    }

    public long getOpenIncidents() {
        return openIncidents;
    }

    public long getCriticalIncidents() {
        return criticalIncidents;
    }

    public long getWorstLagSeconds() {
        return worstLagSeconds;
    }

    public long getRisks() {
        return risks;
    }

    public ClusterView getCluster() {
        return cluster;
    }

    /** The duties a node holds now, e.g. {@code JOB_SCHEDULES, RUN_QUEUE}; empty for none. */
    public String dutiesOf(String node) {
        return cluster.leases().stream()
                .filter(l -> l.current() && l.holder().equals(node))
                .map(ClusterView.Lease::duty)
                .collect(Collectors.joining(", "));
    }

    /** Jobs whose last execution failed: each waits for an operator to restart it or look into it. */
    public long getFailedJobs() {
        return failedJobs;
    }
}
