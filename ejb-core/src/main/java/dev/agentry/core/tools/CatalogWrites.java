package dev.agentry.core.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * How {@code catalog.write} changes the catalog for a run: through the governed-write boundary, with the
 * run's effective scopes, under the same policies, approvals and audit as any caller.
 */
public interface CatalogWrites {

    /**
     * Executes the action now, once per run and call id.
     *
     * @throws dev.agentry.core.problem.AgentryException when it is refused — {@code approval_required}
     *     where its policy demands an approval, which a tool in {@code direct} never has
     */
    JsonValue execute(String callId, String action, JsonObject input);

    /** Requests an approval on behalf of the run's credential and agent; returns the pending approval. */
    JsonValue propose(String action, JsonObject input, String reason);
}
