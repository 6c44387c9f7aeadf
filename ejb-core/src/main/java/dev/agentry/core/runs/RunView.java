package dev.agentry.core.runs;

import dev.agentry.core.json.JsonTree;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as {@code agentry/agent-task-run/v1}: what the runs boundary hands the API and the console,
 * serialized by JSON-B. Members that may be unknown yet are written as {@code null}; {@code
 * jobExecutionId} is left out until the run has a job, and {@code links} until the API adds them (this
 * record knows no URLs). The free-form members (the task, its evidence, timings and cleanup attempts)
 * are the JSON the run recorded, as maps and lists.
 */
@Doc(RunView.SCHEMA + ": a run and where it is")
@JsonbPropertyOrder({
    "schema",
    "id",
    "status",
    "outcome",
    "stopReason",
    "agent",
    "credentialId",
    "cancelRequested",
    "createdAt",
    "startedAt",
    "heartbeatAt",
    "deadlineAt",
    "finishedAt",
    "bundleId",
    "effectiveScopes",
    "effectiveTools",
    "failureEvidence",
    "timings",
    "cleanup",
    "retentionDays",
    "taskInput",
    "jobExecutionId",
    "links"
})
public record RunView(
        @NotNull String schema,
        @NotNull String id,
        @NotNull @JsonbTypeSerializer(WireName.class) RunStatus status,
        @JsonbNillable @JsonbTypeSerializer(WireName.class) Outcome outcome,
        @JsonbNillable @JsonbTypeSerializer(WireName.class) StopReason stopReason,
        @NotNull @Doc("The agent's slug") String agent,

        @NotNull @Doc("The credential that started the run; it owns the run")
        String credentialId,

        boolean cancelRequested,
        @JsonbNillable Instant createdAt,
        @JsonbNillable Instant startedAt,
        @JsonbNillable Instant heartbeatAt,
        @JsonbNillable Instant deadlineAt,
        @JsonbNillable Instant finishedAt,
        @JsonbNillable String bundleId,

        @NotNull @Doc("The agent's ceiling ∩ the credential's scopes")
        List<String> effectiveScopes,

        @NotNull List<String> effectiveTools,
        @JsonbNillable Map<String, Object> failureEvidence,
        @JsonbNillable Map<String, Object> timings,

        @NotNull @Doc("Each attempt to remove the run's sandbox")
        List<Object> cleanup,

        @Min(1) int retentionDays,

        @NotNull @Doc("The task as accepted (agentry/task-input/v1; an archive is shown by its size)")
        Map<String, Object> taskInput,

        @Doc("The batch job execution running the run, once started")
        Long jobExecutionId,

        Map<String, String> links)
        implements Serializable {

    public static final String SCHEMA = "agentry/agent-task-run/v1";

    static RunView of(AgentRun run) {
        return new RunView(
                SCHEMA,
                run.getId(),
                run.getStatus(),
                run.getOutcome(),
                run.getStopReason(),
                run.getAgentSlug(),
                run.getCredentialId(),
                run.isCancelRequested(),
                run.getCreatedAt(),
                run.getStartedAt(),
                run.getHeartbeatAt(),
                run.getDeadlineAt(),
                run.getFinishedAt(),
                run.getBundleId(),
                JsonTree.strings(run.getEffectiveScopes()),
                JsonTree.strings(run.getEffectiveTools()),
                JsonTree.object(run.getFailureEvidence()),
                JsonTree.object(run.getTimings()),
                run.getCleanup() == null ? List.of() : JsonTree.array(run.getCleanup()),
                run.getRetentionDays(),
                JsonTree.object(run.getTaskInput()),
                run.getJobExecutionId(),
                null);
    }

    /** This run with the links the API adds (self, cancel, artifacts, ...), in their order. */
    public RunView withLinks(Map<String, String> links) {
        return new RunView(
                schema,
                id,
                status,
                outcome,
                stopReason,
                agent,
                credentialId,
                cancelRequested,
                createdAt,
                startedAt,
                heartbeatAt,
                deadlineAt,
                finishedAt,
                bundleId,
                effectiveScopes,
                effectiveTools,
                failureEvidence,
                timings,
                cleanup,
                retentionDays,
                taskInput,
                jobExecutionId,
                Collections.unmodifiableMap(new LinkedHashMap<>(links)));
    }

    /** Whether the run has ended; a terminal status never changes. */
    public boolean ended() {
        return status.terminal();
    }
}
