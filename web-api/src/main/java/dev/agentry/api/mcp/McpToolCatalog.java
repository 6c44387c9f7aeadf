package dev.agentry.api.mcp;

import dev.agentry.api.changes.ChangesResource;
import dev.agentry.api.control.ControlActionsResource;
import dev.agentry.api.control.ControlApprovalsResource;
import dev.agentry.api.runs.RunsResource;
import dev.agentry.api.schema.ApiContracts;
import dev.agentry.api.schema.SchemaResource;
import dev.agentry.api.sync.SyncStateResource;
import dev.agentry.core.catalog.CollectionReader;
import dev.agentry.core.catalog.CollectionRequest;
import dev.agentry.core.changes.ChangeFeed;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.contracts.SchemaCatalog;
import dev.agentry.core.control.ActionExecutions;
import dev.agentry.core.control.ActionRequest;
import dev.agentry.core.control.ActionSimulator;
import dev.agentry.core.control.ApprovalRequest;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.ExecuteRequest;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.runs.RunArtifacts;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.TaskRequest;
import dev.agentry.core.sync.CheckpointRequest;
import dev.agentry.core.sync.SyncStateService;
import dev.agentry.core.templates.TemplateCatalog;
import dev.agentry.core.validation.JsonRecords;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every MCP tool, generated from what the API already has: a list and a get tool per catalog collection, and
 * one tool per REST operation an agent needs (changes, schemas, runs, artifacts and, while governed writes are
 * on, the control actions). Each calls the same core boundary as its REST twin with the caller's
 * {@link dev.agentry.core.policy.Grant}, so what it returns is filtered and redacted exactly as REST does.
 */
@ApplicationScoped
public class McpToolCatalog {

    /** The argument carrying what REST takes as the {@code Idempotency-Key} header. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    @Inject
    CatalogCollections collections;

    @Inject
    CollectionReader reader;

    @Inject
    ChangeFeed changes;

    @Inject
    SchemaCatalog schemas;

    @Inject
    ApiContracts apiContracts;

    @Inject
    SchemaResource schemaResource;

    @Inject
    RunService runs;

    @Inject
    TemplateCatalog templates;

    @Inject
    SyncStateService syncState;

    @Inject
    RunArtifacts artifacts;

    @Inject
    ActionSimulator simulator;

    @Inject
    Approvals approvals;

    @Inject
    ActionExecutions executions;

    @Inject
    GovernedWrites governedWrites;

    @Inject
    Validator validator;

    private Map<String, McpTool> tools;

    @PostConstruct
    void build() {
        Map<String, McpTool> all = new LinkedHashMap<>();
        for (CollectionDescriptor collection : collections.all()) {
            String name = collection.name();
            List<String> scope = List.of(collection.readScope());
            add(
                    all,
                    new McpTool(
                            name + ".list",
                            "A page of " + name + " (" + collection.description() + "); keyset cursor paging: pass"
                                    + " nextCursor back as cursor",
                            scope,
                            false,
                            true,
                            false,
                            published("mcp.collection-query"),
                            (grant, args) -> {
                                ToolArguments.CollectionQuery query = bind(args, ToolArguments.CollectionQuery.class);
                                return reader.page(
                                        name,
                                        new CollectionRequest(
                                                query.limit() == null ? null : new PageLimit(query.limit()),
                                                query.cursor(),
                                                query.updatedSince(),
                                                query.q(),
                                                query.fields(),
                                                query.filter()),
                                        grant);
                            }));
            add(
                    all,
                    new McpTool(
                            name + ".get",
                            "One record of " + name + " by id or uid",
                            scope,
                            false,
                            true,
                            false,
                            published("mcp.record-ref"),
                            (grant, args) -> {
                                ToolArguments.RecordRef ref = bind(args, ToolArguments.RecordRef.class);
                                return reader.one(name, ref.id(), ref.fields(), grant);
                            }));
        }
        add(
                all,
                twin(
                        "changes.read",
                        ChangesResource.class,
                        "read",
                        false,
                        true,
                        published("mcp.changes-query"),
                        (grant, args) -> {
                            ToolArguments.ChangesQuery query = bind(args, ToolArguments.ChangesQuery.class);
                            return changes.read(
                                    query.cursor(),
                                    query.types(),
                                    query.limit() == null ? PageLimit.STANDARD : new PageLimit(query.limit()),
                                    grant);
                        }));
        add(
                all,
                twin(
                        "sync_state.get",
                        SyncStateResource.class,
                        "checkpoint",
                        false,
                        true,
                        published("mcp.checkpoint-ref"),
                        (grant, args) -> {
                            ToolArguments.CheckpointRef ref = bind(args, ToolArguments.CheckpointRef.class);
                            return syncState.find(grant.credentialId(), ref.consumer(), ref.resourceType());
                        }));
        add(
                all,
                twin(
                        "sync_state.checkpoint",
                        SyncStateResource.class,
                        "store",
                        false,
                        false,
                        published("sync.checkpoint-request"),
                        (grant, args) -> syncState.store(grant, bind(args, CheckpointRequest.class))));
        add(
                all,
                twin(
                        "schema.get",
                        SchemaResource.class,
                        "one",
                        false,
                        true,
                        published("mcp.schema-ref"),
                        (grant, args) -> schemaResource.one(
                                bind(args, ToolArguments.SchemaRef.class).id())));
        add(
                all,
                twin(
                                "runs.start",
                                RunsResource.class,
                                "submit",
                                false,
                                false,
                                keyed("task-input"),
                                (grant, args) -> runs.submit(
                                                grant, key(args), bind(withoutKey(args), TaskRequest.class))
                                        .run())
                        .following());
        add(
                all,
                twin(
                                "runs.start_template",
                                RunsResource.class,
                                "submit",
                                false,
                                false,
                                keyed("mcp.template-start"),
                                (grant, args) -> runs.submit(
                                                grant,
                                                key(args),
                                                bind(
                                                        templates.taskBody(bind(
                                                                        withoutKey(args),
                                                                        ToolArguments.TemplateStart.class)
                                                                .asBody()),
                                                        TaskRequest.class))
                                        .run())
                        .following()
                        .describedAs("Start an agent task run from a task template (/templates) and its parameters;"
                                + " the rendered task meets every rule a written one does"));
        add(
                all,
                twin(
                        "runs.get",
                        RunsResource.class,
                        "one",
                        false,
                        true,
                        published("mcp.run-ref"),
                        (grant, args) -> runs.view(
                                grant, bind(args, ToolArguments.RunRef.class).runId())));
        add(
                all,
                twin(
                        "runs.cancel",
                        RunsResource.class,
                        "cancel",
                        false,
                        false,
                        published("mcp.run-ref"),
                        (grant, args) -> runs.cancel(
                                grant, bind(args, ToolArguments.RunRef.class).runId())));
        add(
                all,
                twin(
                        "artifacts.verify",
                        RunsResource.class,
                        "verify",
                        false,
                        true,
                        published("mcp.run-ref"),
                        (grant, args) -> artifacts.verify(
                                grant, bind(args, ToolArguments.RunRef.class).runId())));
        add(
                all,
                twin(
                        "control.simulate",
                        ControlActionsResource.class,
                        "simulate",
                        true,
                        true,
                        published("control.simulate-request"),
                        (grant, args) -> simulator.simulate(grant, bind(args, ActionRequest.class))));
        add(
                all,
                twin(
                        "control.request_approval",
                        ControlApprovalsResource.class,
                        "request",
                        true,
                        false,
                        published("control.approval-request"),
                        (grant, args) -> approvals.request(grant, bind(args, ApprovalRequest.class))));
        add(
                all,
                twin(
                        "control.execute",
                        ControlActionsResource.class,
                        "execute",
                        true,
                        false,
                        keyed("control.execute-request"),
                        (grant, args) -> executions
                                .execute(grant, key(args), bind(withoutKey(args), ExecuteRequest.class))
                                .execution()));
        tools = Collections.unmodifiableMap(all);
    }

    /** Every tool this server has now: the governed-write ones only while governed writes are on. */
    public List<McpTool> all() {
        return tools.values().stream()
                .filter(tool -> !tool.governedWrite() || governedWrites.enabled())
                .toList();
    }

    public Optional<McpTool> named(String name) {
        return all().stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static void add(Map<String, McpTool> all, McpTool tool) {
        if (all.putIfAbsent(tool.name(), tool) != null) {
            throw new IllegalStateException("two MCP tools named " + tool.name());
        }
    }

    private static McpTool twin(
            String name,
            Class<?> resource,
            String method,
            boolean governedWrite,
            boolean readOnly,
            JsonObject inputSchema,
            McpTool.Call call) {
        RestTwin rest = RestTwin.of(resource, method);
        return new McpTool(name, rest.summary(), rest.scopes(), governedWrite, readOnly, false, inputSchema, call);
    }

    /** A schema {@code /schema/{id}} serves. */
    private JsonObject published(String id) {
        return schemas.named(id)
                .or(() -> Optional.ofNullable(apiContracts.all().get(id)))
                .orElseThrow(() -> new IllegalStateException("no published schema " + id));
    }

    /**
     * The published body schema of a REST route that also takes an {@code Idempotency-Key} header: the
     * key becomes a required argument beside the body's members.
     */
    private JsonObject keyed(String id) {
        JsonObject body = published(id);
        JsonObjectBuilder properties = Jsonp.createObjectBuilder(body.getJsonObject("properties"))
                .add(
                        IDEMPOTENCY_KEY,
                        Jsonp.createObjectBuilder()
                                .add("type", "string")
                                .add("minLength", 1)
                                .add("maxLength", 200)
                                .add(
                                        "description",
                                        "What REST takes as the Idempotency-Key header: 1 to 200 visible ASCII"
                                                + " characters, chosen per intended write; the same key with the same"
                                                + " arguments returns the first result"));
        JsonArrayBuilder required = Jsonp.createArrayBuilder().add(IDEMPOTENCY_KEY);
        if (body.get("required") instanceof jakarta.json.JsonArray earlier) {
            earlier.forEach(required::add);
        }
        return Jsonp.createObjectBuilder(body)
                .add("$id", "mcp.tool-input." + id)
                .add("properties", properties)
                .add("required", required)
                .build();
    }

    private <T extends Record> T bind(JsonObject arguments, Class<T> type) {
        return JsonRecords.read(arguments, type, validator);
    }

    private static String key(JsonObject arguments) {
        JsonValue key = arguments.get(IDEMPOTENCY_KEY);
        return key instanceof JsonString text ? text.getString() : null;
    }

    private static JsonObject withoutKey(JsonObject arguments) {
        return Jsonp.createObjectBuilder(arguments).remove(IDEMPOTENCY_KEY).build();
    }
}
