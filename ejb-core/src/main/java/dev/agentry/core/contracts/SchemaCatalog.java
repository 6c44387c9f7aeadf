package dev.agentry.core.contracts;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.artifacts.ManifestView;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.audit.ChainVerifier;
import dev.agentry.core.catalog.CatalogImports;
import dev.agentry.core.catalog.CatalogSchemas;
import dev.agentry.core.changes.ChangeEventData;
import dev.agentry.core.changes.ChangeItem;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.diagnostics.DiagnosticRun;
import dev.agentry.core.jobs.JobExecutionDetail;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobSummary;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.SigningKeys;
import dev.agentry.core.runs.RunView;
import dev.agentry.core.runs.TaskInputJson;
import dev.agentry.core.runs.TaskRequest;
import dev.agentry.core.schema.ContractSchemas;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.secrets.KekStatus;
import dev.agentry.core.secrets.KeyEncryptionKeys;
import dev.agentry.core.sync.CheckpointView;
import dev.agentry.core.sync.ConsumerLag;
import dev.agentry.core.sync.LagSnapshotView;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import dev.agentry.core.webhooks.DeadLetterView;
import dev.agentry.core.webhooks.DeliveryView;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.EventPayloads;
import dev.agentry.core.webhooks.EventType;
import dev.agentry.core.webhooks.ReplayResult;
import dev.agentry.core.webhooks.SubscriptionSecret;
import dev.agentry.core.webhooks.SubscriptionView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every JSON Schema the API publishes, by id: each contract record's, generated ({@link ContractSchemas}); each
 * collection's, from its descriptor ({@link CatalogSchemas}); each tool's arguments, as the tool states them; each
 * webhook event's envelope with its data schema. Ids are stable. Built once: the records do not change at run time.
 */
@ApplicationScoped
public class SchemaCatalog {

    @Inject
    CatalogSchemas catalogSchemas;

    private Map<String, JsonObject> schemas;

    @PostConstruct
    void build() {
        Map<String, JsonObject> all = new LinkedHashMap<>(catalogSchemas.all());
        contract(all, "envelope.collection-page", "A page of a collection", Page.class, JsonObject.class);
        contract(
                all,
                "envelope.change",
                "One create, update or delete; snapshot is null for a delete",
                ChangeItem.class);
        contract(
                all,
                "envelope.change-page",
                "A page of the changes feed; nextCursor is always present",
                Page.class,
                ChangeItem.class);
        contract(all, "envelope.checkpoint", "A consumer's stored position in the changes feed", CheckpointView.class);
        contract(all, "envelope.lag", "How far one checkpoint is behind, computed when read", ConsumerLag.class);
        contract(all, "envelope.lag-list", "Every checkpoint's lag, worst first", Page.class, ConsumerLag.class);
        contract(
                all,
                "envelope.lag-history",
                "Checkpoints' lag as the sync-state job snapshotted it, newest first",
                Page.class,
                LagSnapshotView.class);

        contract(all, "task-input", TaskInputJson.SCHEMA + ": a task for an agent", TaskRequest.class);
        contract(all, "agent-task-run", RunView.class);
        contract(all, "envelope.run-page", "A page of runs, newest first", Page.class, RunView.class);
        contract(all, "message", Message.SCHEMA + ": one message of a run's transcript", Message.class);
        contract(all, "agent", AgentView.class);
        contract(all, "envelope.agent-list", "Every agent, and the definitions refused", AgentView.Listing.class);
        contract(
                all,
                "artifact-manifest",
                "The manifest of a run's artifact bundle: every file with its size and SHA-256",
                ManifestView.class);
        contract(
                all,
                "artifact-verification",
                "The verdict on a bundle, with every violation found",
                Verification.class);
        for (ToolDescriptor tool : ToolCatalog.ALL) {
            all.put(
                    "tool." + tool.name(),
                    Json.createObjectBuilder(tool.arguments())
                            .add("$id", "tool." + tool.name())
                            .add("title", tool.name())
                            .add("description", tool.description() + " (category " + tool.category() + ")")
                            .build());
        }

        contract(all, "credential", "A credential; clientSecret only when created or rotated", CredentialView.class);
        contract(all, "credential-list", "Every credential the caller may manage", Page.class, CredentialView.class);
        contract(
                all,
                "signing-key-list",
                "The token signing keys, current first",
                Page.class,
                SigningKeys.KeyView.class);
        contract(all, "signing-key-rotation", "A new signing key and when it signs", SigningKeys.Rotation.class);
        contract(
                all,
                "kek-status",
                "The key-encryption key in use, the retired ones held and the rows each seals; ids only",
                KekStatus.class);
        contract(
                all,
                "kek-rotation",
                "A key-encryption key rotation and its re-wrap job",
                KeyEncryptionKeys.KekRotation.class);
        contract(all, "audit-page", "A page of the audit trail, oldest first", Page.class, AuditView.class);
        contract(all, "audit-verification", "Whether the audit chain is intact", ChainVerifier.Verdict.class);
        contract(all, "job-execution", "One execution of a batch job", JobExecutionView.class);
        contract(all, "import-list", "Recent catalog imports", Page.class, JobExecutionView.class);
        contract(all, "import-report", "What an import did so far", CatalogImports.ImportReport.class);
        contract(all, "diagnostic-run", "One diagnostics run and what it found", DiagnosticRun.class);
        contract(all, "diagnostic-run-list", "Recent diagnostics runs", Page.class, DiagnosticRun.class);
        contract(
                all,
                "job-list",
                "Every batch job with its schedule, next fire time and last execution",
                Page.class,
                JobSummary.class);
        contract(
                all,
                "job-execution-page",
                "A page of job executions, newest first",
                Page.class,
                JobExecutionView.class);
        contract(
                all,
                "job-execution-detail",
                "One job execution with its steps, their metrics and its redacted failure",
                JobExecutionDetail.class);

        contract(all, "webhook.subscription", "A webhook subscription; never its secret", SubscriptionView.class);
        contract(
                all,
                "webhook.subscription-list",
                "Every subscription of the caller",
                Page.class,
                SubscriptionView.class);
        contract(
                all,
                "webhook.subscription-secret",
                "A subscription with its signing secret, shown once",
                SubscriptionSecret.class);
        contract(all, "webhook.delivery-page", "A page of a subscription's deliveries", Page.class, DeliveryView.class);
        contract(all, "webhook.dead-letter-page", "A page of the dead-letter queue", Page.class, DeadLetterView.class);
        contract(all, "webhook.replay-result", "What a replay request did", ReplayResult.class);
        for (EventType type : EventCatalog.ALL) {
            all.put("webhook.event." + type.type(), event(type));
        }
        contract(all, EventCatalog.CHANGE_DATA, ChangeEventData.class);
        contract(all, EventCatalog.CREDENTIAL_DATA, EventPayloads.CredentialData.class);
        contract(all, EventCatalog.RUN_DATA, EventPayloads.RunData.class);
        contract(all, EventCatalog.TEST_DATA, EventPayloads.TestData.class);
        schemas = Collections.unmodifiableMap(all);
    }

    /** Every schema by id, in a stable order. */
    public Map<String, JsonObject> all() {
        return schemas;
    }

    public Optional<JsonObject> named(String id) {
        return Optional.ofNullable(schemas.get(id));
    }

    private static void contract(
            Map<String, JsonObject> all, String id, String description, Type type, Type... parameters) {
        all.put(id, ContractSchemas.of(id, description, type, parameters));
    }

    /** A record whose {@link Doc} says what it is. */
    private static void contract(Map<String, JsonObject> all, String id, Class<?> type) {
        contract(all, id, type.getAnnotation(Doc.class).value(), type);
    }

    /** The envelope of one event type: its {@code type} a constant, its {@code data} by the type's data schema. */
    private static JsonObject event(EventType type) {
        String id = "webhook.event." + type.type();
        JsonObject envelope = ContractSchemas.of(
                id, type.description() + " (payload version " + type.version() + ")", EventPayloads.Envelope.class);
        JsonObject properties = Json.createObjectBuilder(envelope.getJsonObject("properties"))
                .add("type", Json.createObjectBuilder().add("const", type.type()))
                .add("data", Json.createObjectBuilder().add("$ref", type.dataSchema()))
                .build();
        return Json.createObjectBuilder(envelope).add("properties", properties).build();
    }
}
