package dev.agentry.persistence.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One agent task run. Its status only moves forward; the core changes it with conditional updates
 * ({@code where status in ...}), so a watchdog and the run's own thread can never both win.
 */
@Entity
@Table(name = "agent_run")
@NamedQuery(
        name = "AgentRun.byKey",
        query = "select r from AgentRun r where r.credentialId = :credentialId and r.idempotencyKey = :key")
@NamedQuery(
        name = "AgentRun.inStatus",
        query = "select r from AgentRun r where r.status in :statuses order by r.createdAt, r.id")
public class AgentRun {

    @Id
    @Column(length = 40)
    private String id;

    @Column(name = "credential_id", nullable = false, length = 36)
    private String credentialId;

    @Column(name = "agent_slug", nullable = false, length = 64)
    private String agentSlug;

    @Column(name = "idempotency_key", nullable = false, length = 200)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "task_input", nullable = false, length = 1000000)
    private String taskInput;

    @Column(name = "effective_scopes", nullable = false, length = 4000)
    private String effectiveScopes;

    @Column(name = "effective_tools", nullable = false, length = 4000)
    private String effectiveTools;

    @Column(nullable = false, length = 30)
    @Convert(converter = RunStatus.Column.class)
    private RunStatus status;

    @Column(length = 30)
    @Convert(converter = Outcome.Column.class)
    private Outcome outcome;

    @Column(name = "stop_reason", length = 60)
    @Convert(converter = StopReason.Column.class)
    private StopReason stopReason;

    @Column(name = "failure_evidence", length = 20000)
    private String failureEvidence;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "bundle_id", length = 80)
    private String bundleId;

    @Column(length = 2000)
    private String timings;

    @Column(length = 4000)
    private String cleanup;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

    @Column(name = "session_id", length = 200)
    private String sessionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "deadline_at")
    private Instant deadlineAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected AgentRun() {
        // for JPA
    }

    public AgentRun(
            String id,
            String credentialId,
            String agentSlug,
            String idempotencyKey,
            String requestHash,
            String taskInput,
            String effectiveScopes,
            String effectiveTools,
            int retentionDays,
            Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.agentSlug = Objects.requireNonNull(agentSlug, "agentSlug");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.requestHash = Objects.requireNonNull(requestHash, "requestHash");
        this.taskInput = Objects.requireNonNull(taskInput, "taskInput");
        this.effectiveScopes = Objects.requireNonNull(effectiveScopes, "effectiveScopes");
        this.effectiveTools = Objects.requireNonNull(effectiveTools, "effectiveTools");
        this.retentionDays = retentionDays;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = RunStatus.QUEUED;
    }

    public String getId() {
        return id;
    }

    public String getCredentialId() {
        return credentialId;
    }

    /** The owner's session the run continues, or null. */
    public String getSessionId() {
        return sessionId;
    }

    /** Puts the (new) run on one of its owner's sessions: its transcript is the run's context. */
    public void continueSession(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getAgentSlug() {
        return agentSlug;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getTaskInput() {
        return taskInput;
    }

    public String getEffectiveScopes() {
        return effectiveScopes;
    }

    public String getEffectiveTools() {
        return effectiveTools;
    }

    public RunStatus getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public StopReason getStopReason() {
        return stopReason;
    }

    public String getFailureEvidence() {
        return failureEvidence;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getBundleId() {
        return bundleId;
    }

    public String getTimings() {
        return timings;
    }

    public String getCleanup() {
        return cleanup;
    }

    /** The cleanup attempts so far, a JSON array; cleanup appends, it never rewrites history. */
    public void setCleanup(String cleanup) {
        this.cleanup = cleanup;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Instant getDeadlineAt() {
        return deadlineAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
