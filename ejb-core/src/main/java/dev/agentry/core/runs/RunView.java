package dev.agentry.core.runs;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A run as {@code agentry/agent-task-run/v1}: the contract of {@code GET /runs/{id}} and of each item of {@code GET
 * /runs}, published as the {@code agent-task-run} schema. Unset times, the outcome and the evidence are written as
 * {@code null}.
 */
@Doc(RunJson.SCHEMA + ": a run and where it is")
public record RunView(
        @NotNull String id,
        @NotNull RunStatus status,
        @JsonbNillable Outcome outcome,

        @JsonbNillable @Doc("Why the run stopped where it did, e.g. max_turns, timeout, cancelled")
        String stopReason,

        @NotNull @Doc("The agent's slug") String agent,

        @NotNull @Doc("The credential that started the run; it owns the run")
        String credentialId,

        boolean cancelRequested,
        @NotNull Instant createdAt,
        @JsonbNillable Instant startedAt,
        @JsonbNillable Instant heartbeatAt,
        @JsonbNillable Instant deadlineAt,
        @JsonbNillable Instant finishedAt,

        @JsonbNillable @Doc("The content address of the run's artifact bundle, once written")
        String bundleId,

        @NotNull @Doc("The agent's ceiling ∩ the credential's scopes")
        List<String> effectiveScopes,

        @NotNull List<String> effectiveTools,
        @JsonbNillable JsonObject failureEvidence,
        @JsonbNillable JsonObject timings,

        @NotNull @Doc("Each attempt to remove the run's sandbox")
        JsonArray cleanup,

        @Min(1) int retentionDays,

        @NotNull @Doc("The task as accepted (agentry/task-input/v1; an archive is shown by its size)")
        JsonObject taskInput,

        @Doc("The batch job execution running the run, once started")
        Long jobExecutionId,

        @NotNull Links links) {

    public static final String SCHEMA = RunJson.SCHEMA;

    /** Where to go from a run. */
    public record Links(
            @NotNull String self,
            @NotNull String cancel,
            @NotNull String artifacts,
            @NotNull String zip,
            @NotNull String verify) {}
}
