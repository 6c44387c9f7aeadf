package dev.agentry.core.contracts;

import dev.agentry.core.Boundary;
import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agents.AgentRequest;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.artifacts.ManifestView;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.audit.ChainVerifier;
import dev.agentry.core.catalog.CatalogImports;
import dev.agentry.core.catalog.CatalogSchemas;
import dev.agentry.core.changes.ChangeEventData;
import dev.agentry.core.changes.ChangeItem;
import dev.agentry.core.control.ActionCatalog;
import dev.agentry.core.control.ActionRequest;
import dev.agentry.core.control.ApprovalRequest;
import dev.agentry.core.control.ApprovalView;
import dev.agentry.core.control.DecisionRequest;
import dev.agentry.core.control.ExecuteRequest;
import dev.agentry.core.control.ExecutionView;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.core.control.PolicyRequest;
import dev.agentry.core.control.PolicyView;
import dev.agentry.core.control.Simulation;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.diagnostics.DiagnosticRun;
import dev.agentry.core.incidents.IncidentView;
import dev.agentry.core.jobs.JobExecutionDetail;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobSummary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.lifecycle.LifecycleView;
import dev.agentry.core.memory.MemoryEntryView;
import dev.agentry.core.memory.MemoryWrite;
import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.SigningKeys;
import dev.agentry.core.runs.RunView;
import dev.agentry.core.runs.TaskRequest;
import dev.agentry.core.schema.ContractSchemas;
import dev.agentry.core.secrets.KekStatus;
import dev.agentry.core.secrets.KeyEncryptionKeys;
import dev.agentry.core.sessions.SessionView;
import dev.agentry.core.sessions.TranscriptEntry;
import dev.agentry.core.starterpacks.StarterPack;
import dev.agentry.core.sync.CheckpointRequest;
import dev.agentry.core.sync.CheckpointView;
import dev.agentry.core.sync.ConsumerLag;
import dev.agentry.core.sync.LagSnapshotView;
import dev.agentry.core.templates.TaskTemplate;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import dev.agentry.core.webhooks.DeadLetterView;
import dev.agentry.core.webhooks.DeliveryView;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.EventPayloads;
import dev.agentry.core.webhooks.EventType;
import dev.agentry.core.webhooks.ReplayRequest;
import dev.agentry.core.webhooks.ReplayResult;
import dev.agentry.core.webhooks.SubscriptionRequest;
import dev.agentry.core.webhooks.SubscriptionSecret;
import dev.agentry.core.webhooks.SubscriptionView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every JSON Schema the API publishes, by id: each contract record's, generated ({@link ContractSchemas}); each
 * collection's, from its descriptor ({@link CatalogSchemas}); each tool's arguments, as the tool states them; each
 * webhook event's envelope with its data schema. Ids are stable. Built once: the records do not change at run time.
 */
@ApplicationScoped
@Boundary
public class SchemaCatalog {

    /** A page of any collection's records; each collection's page in the OpenAPI document is this one, typed. */
    public static final Contract COLLECTION_PAGE =
            Contract.of("envelope.collection-page", "A page of a collection", Page.class, JsonObject.class);

    /**
     * Every contract record the core publishes, in a stable order. Static, so that whatever publishes the
     * contracts beside {@code /schema} (the OpenAPI document) reads the same declarations without a container.
     */
    public static final List<Contract> CONTRACTS = List.of(
            SchemaCatalog.COLLECTION_PAGE,
            Contract.of(
                    "envelope.change", "One create, update or delete; snapshot is null for a delete", ChangeItem.class),
            Contract.of(
                    "envelope.change-page",
                    "A page of the changes feed; nextCursor is always present",
                    Page.class,
                    ChangeItem.class),
            Contract.of(
                    "envelope.checkpoint", "A consumer's stored position in the changes feed", CheckpointView.class),
            Contract.of(
                    "sync.checkpoint-request",
                    "A checkpoint to store: a consumer's position (a cursor from /changes) in one collection",
                    CheckpointRequest.class),
            Contract.of("envelope.lag", "How far one checkpoint is behind, computed when read", ConsumerLag.class),
            Contract.of("envelope.lag-list", "Every checkpoint's lag, worst first", Page.class, ConsumerLag.class),
            Contract.of(
                    "envelope.lag-history",
                    "Checkpoints' lag as the sync-state job snapshotted it, newest first",
                    Page.class,
                    LagSnapshotView.class),
            Contract.of("task-input", TaskRequest.SCHEMA + ": a task for an agent", TaskRequest.class),
            Contract.of("agent-task-run", RunView.class),
            Contract.of("envelope.run-page", "A page of runs, newest first", Page.class, RunView.class),
            Contract.of("message", Message.SCHEMA + ": one message of a run's transcript", Message.class),
            Contract.of("agent", AgentView.class),
            Contract.of(
                    "agent-request",
                    "An agent definition to register, or the changes to one: an absent member keeps its value",
                    AgentRequest.class),
            Contract.of("session", SessionView.class),
            Contract.of(
                    "envelope.transcript-page",
                    "A page of a session's transcript, oldest message first",
                    Page.class,
                    TranscriptEntry.class),
            Contract.of("memory-entry", MemoryEntryView.class),
            Contract.of(
                    "envelope.memory-page",
                    "A page of an agent's memory entries, by key",
                    Page.class,
                    MemoryEntryView.class),
            Contract.of("memory-write", "A memory write: the value and the hash it replaces", MemoryWrite.class),
            Contract.of("envelope.agent-list", "Every agent, and the definitions refused", AgentView.Listing.class),
            Contract.of(
                    "artifact-manifest",
                    "The manifest of a run's artifact bundle: every file with its size and SHA-256",
                    ManifestView.class),
            Contract.of(
                    "artifact-verification", "The verdict on a bundle, with every violation found", Verification.class),
            Contract.of("credential", "A credential; clientSecret only when created or rotated", CredentialView.class),
            Contract.of(
                    "credential-request",
                    "A credential to create, or the changes to one: an absent member keeps its value",
                    CredentialRequest.class),
            Contract.of("credential-list", "Every credential the caller may manage", Page.class, CredentialView.class),
            Contract.of(
                    "signing-key-list", "The token signing keys, current first", Page.class, SigningKeys.KeyView.class),
            Contract.of("signing-key-rotation", "A new signing key and when it signs", SigningKeys.Rotation.class),
            Contract.of(
                    "kek-status",
                    "The key-encryption key in use, the retired ones held and the rows each seals; ids only",
                    KekStatus.class),
            Contract.of(
                    "kek-rotation",
                    "A key-encryption key rotation and its re-wrap job",
                    KeyEncryptionKeys.KekRotation.class),
            Contract.of("audit-page", "A page of the audit trail, oldest first", Page.class, AuditView.class),
            Contract.of("audit-verification", "Whether the audit chain is intact", ChainVerifier.Verdict.class),
            Contract.of("job-execution", "One execution of a batch job", JobExecutionView.class),
            Contract.of("import-list", "Recent catalog imports", Page.class, JobExecutionView.class),
            Contract.of("import-report", "What an import did so far", CatalogImports.ImportReport.class),
            Contract.of("diagnostic-run", "One diagnostics run and what it found", DiagnosticRun.class),
            Contract.of("diagnostic-run-list", "Recent diagnostics runs", Page.class, DiagnosticRun.class),
            Contract.of(
                    "job-list",
                    "Every batch job with its schedule, next fire time and last execution",
                    Page.class,
                    JobSummary.class),
            Contract.of(
                    "job-execution-page", "A page of job executions, newest first", Page.class, JobExecutionView.class),
            Contract.of(
                    "job-execution-detail",
                    "One job execution with its steps, their metrics and its redacted failure",
                    JobExecutionDetail.class),
            Contract.of(
                    "incident",
                    "An incident: signal, subject, value, thresholds, advice; never a secret",
                    IncidentView.class),
            Contract.of(
                    "incident-list",
                    "Incidents, open first, then critical before warn",
                    Page.class,
                    IncidentView.class),
            Contract.of(
                    "lifecycle", "API version, deprecations, feature flags and credential risks", LifecycleView.class),
            Contract.of("template", "A parameterised agent task input", TaskTemplate.class),
            Contract.of("template-list", "Every task template", Page.class, TaskTemplate.class),
            Contract.of("starter-pack", "What a common integration needs", StarterPack.class),
            Contract.of("starter-pack-list", "Every starter pack", Page.class, StarterPack.class),
            Contract.of("webhook.subscription", "A webhook subscription; never its secret", SubscriptionView.class),
            Contract.of(
                    "webhook.subscription-request",
                    "A subscription to create, or the changes to one: an absent member keeps its value",
                    SubscriptionRequest.class),
            Contract.of(
                    "webhook.subscription-list",
                    "Every subscription of the caller",
                    Page.class,
                    SubscriptionView.class),
            Contract.of(
                    "webhook.subscription-secret",
                    "A subscription with its signing secret, shown once",
                    SubscriptionSecret.class),
            Contract.of(
                    "webhook.delivery-page", "A page of a subscription's deliveries", Page.class, DeliveryView.class),
            Contract.of(
                    "webhook.dead-letter-page", "A page of the dead-letter queue", Page.class, DeadLetterView.class),
            Contract.of(
                    "webhook.replay-request",
                    "Which dead letters to replay: the ids named, or those failed since a time",
                    ReplayRequest.class),
            Contract.of("webhook.replay-result", "What a replay request did", ReplayResult.class),
            Contract.of(EventCatalog.CHANGE_DATA, ChangeEventData.class),
            Contract.of(EventCatalog.CREDENTIAL_DATA, EventPayloads.CredentialData.class),
            Contract.of(EventCatalog.RUN_DATA, EventPayloads.RunData.class),
            Contract.of(EventCatalog.TEST_DATA, EventPayloads.TestData.class),
            Contract.of(EventCatalog.APPROVAL_DATA, EventPayloads.ApprovalData.class),
            Contract.of(EventCatalog.INCIDENT_DATA, EventPayloads.IncidentData.class),
            Contract.of(EventCatalog.PUBLICATION_DATA, EventPayloads.PublicationData.class),
            Contract.of("control.policy-request", PolicyRequest.class),
            Contract.of("control.policy", PolicyView.class),
            Contract.of("control.policy-list", "Every governed-write policy", Page.class, PolicyView.class),
            Contract.of("control.simulate-request", ActionRequest.class),
            Contract.of("control.simulation", Simulation.class),
            Contract.of("control.approval-request", ApprovalRequest.class),
            Contract.of("control.decision", DecisionRequest.class),
            Contract.of("control.approval", ApprovalView.class),
            Contract.of("control.approval-list", "Approvals, newest first", Page.class, ApprovalView.class),
            Contract.of("control.execute-request", ExecuteRequest.class),
            Contract.of("control.execution", ExecutionView.class),
            Contract.of("control.execution-list", "Executions, newest first", Page.class, ExecutionView.class));

    @Inject
    CatalogSchemas catalogSchemas;

    @Inject
    ActionCatalog actions;

    private Map<String, JsonObject> schemas;

    @PostConstruct
    void build() {
        Map<String, JsonObject> all = new LinkedHashMap<>(catalogSchemas.all());
        for (Contract contract : CONTRACTS) {
            all.put(contract.id(), contract.schema());
        }
        // Actions are beans, so their inputs' schemas are built here rather than listed above.
        for (GovernedAction<?> action : actions.all()) {
            String id = "action." + action.name();
            all.put(
                    id,
                    ContractSchemas.of(
                            id,
                            action.description() + " (writes "
                                    + action.subject().name() + "; needs "
                                    + action.subject().readScope() + ")",
                            action.input()));
        }
        for (ToolDescriptor tool : ToolCatalog.ALL) {
            all.put(
                    "tool." + tool.name(),
                    Jsonp.createObjectBuilder(tool.arguments())
                            .add("$id", "tool." + tool.name())
                            .add("title", tool.name())
                            .add("description", tool.description() + " (category " + tool.category() + ")")
                            .build());
        }
        for (EventType type : EventCatalog.ALL) {
            all.put("webhook.event." + type.type(), event(type));
        }
        schemas = Collections.unmodifiableMap(all);
    }

    /** Every schema by id, in a stable order. */
    public Map<String, JsonObject> all() {
        return schemas;
    }

    public Optional<JsonObject> named(String id) {
        return Optional.ofNullable(schemas.get(id));
    }

    /** The envelope of one event type: its {@code type} a constant, its {@code data} by the type's data schema. */
    private static JsonObject event(EventType type) {
        String id = "webhook.event." + type.type();
        JsonObject envelope = ContractSchemas.of(
                id, type.description() + " (payload version " + type.version() + ")", EventPayloads.Envelope.class);
        JsonObject properties = Jsonp.createObjectBuilder(envelope.getJsonObject("properties"))
                .add("type", Jsonp.createObjectBuilder().add("const", type.type()))
                .add("data", Jsonp.createObjectBuilder().add("$ref", type.dataSchema()))
                .build();
        return Jsonp.createObjectBuilder(envelope).add("properties", properties).build();
    }
}
