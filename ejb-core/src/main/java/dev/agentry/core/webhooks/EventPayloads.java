package dev.agentry.core.webhooks;

import dev.agentry.core.changes.ChangeAction;
import dev.agentry.core.schema.AlwaysPresent;
import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What a webhook POST carries: the envelope every event shares, and the {@code data} of each kind, as
 * published in {@code /schema} ({@code webhook.event.<type>}, {@code webhook.data.<kind>}).
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

    @Doc("A catalog change; personal data in the snapshot is redacted unless the subscriber's credential holds"
            + " the collection's :read_sensitive scope; the snapshot is null for a delete")
    public record ChangeData(
            @NotNull String resourceType,
            @NotNull String resourceId,
            @NotNull ChangeAction action,
            @NotNull Long version,
            @NotNull Instant changedAt,

            @AlwaysPresent @Doc("The record after the change; null for a delete")
            JsonObject snapshot) {}

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

    @Doc("A test event sent on request")
    public record TestData(@NotNull String subscriptionId, String message) {}
}
