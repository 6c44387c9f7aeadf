package dev.agentry.api.schema;

import dev.agentry.api.auth.AuthResource;
import dev.agentry.api.auth.KeyEncryptionKeysResource;
import dev.agentry.api.capabilities.CapabilitiesResource;
import dev.agentry.api.health.HealthResource;
import dev.agentry.api.imports.ImportsResource;
import dev.agentry.api.mcp.ToolArguments;
import dev.agentry.api.problem.Problem;
import dev.agentry.api.webhooks.WebhooksResource;
import dev.agentry.core.contracts.Contract;
import dev.agentry.core.cursor.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of the contracts the API module itself declares (its protocol records: the token response, whoami,
 * health and not-ready, the capabilities document, the problem document every error is, the answers that start
 * background work), generated like the core's from the records.
 */
@ApplicationScoped
public class ApiContracts {

    /** The API module's own contract records, in a stable order; static for the same reason as the core's. */
    public static final List<Contract> CONTRACTS = List.of(
            Contract.of(
                    "capabilities",
                    "What this deployment serves and how it fails",
                    CapabilitiesResource.Capabilities.class),
            Contract.of("token", "An OAuth 2.0 access token response", AuthResource.TokenResponse.class),
            Contract.of("whoami", "The calling credential and its current standing", AuthResource.WhoAmI.class),
            Contract.of("schema-list", "Every published schema", Page.class, SchemaResource.SchemaEntry.class),
            Contract.of("health", "Liveness or readiness, with each check", HealthResource.Health.class),
            Contract.of(
                    "not-ready",
                    "Not ready: a problem document naming the checks down, with every check",
                    HealthResource.NotReady.class),
            Contract.of(
                    "import-started",
                    "A catalog import started or restarted: its execution",
                    ImportsResource.ImportStarted.class),
            Contract.of(
                    "kek-rewrap-started",
                    "A re-wrap of the stored secrets under way: its job execution",
                    KeyEncryptionKeysResource.RewrapStarted.class),
            Contract.of(
                    "webhook.test-sent", "A webhook.test event queued for delivery", WebhooksResource.TestSent.class),
            Contract.of("mcp.collection-query", ToolArguments.CollectionQuery.class),
            Contract.of("mcp.record-ref", ToolArguments.RecordRef.class),
            Contract.of("mcp.changes-query", ToolArguments.ChangesQuery.class),
            Contract.of("mcp.schema-ref", ToolArguments.SchemaRef.class),
            Contract.of("mcp.run-ref", ToolArguments.RunRef.class),
            Contract.of("mcp.template-start", ToolArguments.TemplateStart.class),
            Contract.of("mcp.checkpoint-ref", ToolArguments.CheckpointRef.class),
            Contract.of("problem", Problem.class));

    private Map<String, JsonObject> schemas;

    @PostConstruct
    void build() {
        Map<String, JsonObject> all = new LinkedHashMap<>();
        for (Contract contract : CONTRACTS) {
            all.put(contract.id(), contract.schema());
        }
        schemas = Collections.unmodifiableMap(all);
    }

    public Map<String, JsonObject> all() {
        return schemas;
    }
}
