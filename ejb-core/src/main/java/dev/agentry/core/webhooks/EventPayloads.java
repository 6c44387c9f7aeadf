package dev.agentry.core.webhooks;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What a webhook POST carries: the envelope every event shares, and the {@code data} of the platform's kinds, as
 * published in {@code /schema} ({@code webhook.event.<type>}, {@code webhook.data.<kind>}). A catalog change's
 * data is the feed's to state ({@code dev.agentry.core.changes.ChangeEventData}).
 */
public final class EventPayloads {

    private EventPayloads() {}

    /** Every event: which one, of what type, when; {@code data} by the type's data schema. */
    public record Envelope(
            @NotNull @Doc("The event's id; a receiver drops a second delivery of the same id")
            String id,

            @NotNull String type,
            @NotNull Instant occurredAt,
            @NotNull JsonObject data) {}

    @Doc("The credential concerned; never a secret")
    public record CredentialData(
            @NotNull String credentialId, @NotNull String clientId, String name, String owner, Instant expiresAt) {}

    @Doc("The run that ended; its artifacts are under /runs/{runId}/artifacts")
    public record RunData(
            @NotNull String runId,
            @NotNull String agent,
            String credentialId,
            @NotNull String status,
            String outcome,
            String stopReason,
            String bundleId,
            @NotNull Instant finishedAt) {}

    @Doc("An approval of a governed action; its input is read at /control/approvals/{approvalId}")
    public record ApprovalData(
            @NotNull String approvalId,
            @NotNull String action,
            @NotNull String collection,
            @NotNull String status,
            @NotNull String risk,
            int approversRequired,
            int approvals,
            @NotNull String requestedBy,
            String runId,
            @NotNull Instant expiresAt) {}

    @Doc("A run's patch published by artifact.apply; the execution is at /control/executions?runId={runId}")
    public record PublicationData(
            @NotNull String runId,

            @NotNull @Doc("The target's name, as the operator declared it")
            String target,

            @NotNull @Doc("The new branch, agentry/<run-id>")
            String branch,

            @NotNull @Doc("The branch's one commit (40 hex)")
            String commit,

            @NotNull @Doc("The branch it was made on") String base,

            @NotNull @Doc("The verified bundle whose patch it is")
            String bundleId) {}

    @Doc("A test event sent on request")
    public record TestData(@NotNull String subscriptionId, String message) {}

    @Doc("The incident that opened or resolved; details at /incidents/{incidentId}. Never a secret or payload")
    public record IncidentData(
            @NotNull String incidentId,
            @NotNull String signal,
            @NotNull String subject,
            @NotNull String status,
            @NotNull String severity,
            long value,
            long warn,
            long critical,
            @NotNull Instant openedAt,
            Instant resolvedAt) {}
}
