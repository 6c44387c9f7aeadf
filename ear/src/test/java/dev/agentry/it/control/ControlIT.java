package dev.agentry.it.control;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.fieldErrors;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Control.decide;
import static dev.agentry.it.harness.Control.execute;
import static dev.agentry.it.harness.Control.request;
import static dev.agentry.it.harness.Control.simulate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Governed writes (SPEC section 10) end to end: actions, policies, simulate, approvals with dual control
 * and expiry, idempotent execution, atomicity under a failure after the write, and authorization by datum
 * on every control route.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ControlIT {

    private static String[] writer;
    private static String writerId;
    private static String[] approverA;
    private static String[] approverB;
    private static String[] blind;
    private static String writerHook;
    private static String approverAHook;
    private static String blindHook;

    @BeforeAll
    static void policiesAndCredentials() {
        policy("{\"pattern\":\"tag.create\",\"requiresApproval\":false,\"risk\":\"low\"}");
        policy("{\"pattern\":\"variant.updateStock\",\"requiresApproval\":false,\"risk\":\"low\",\"maxPerHour\":1000}");
        policy("{\"pattern\":\"entry.delete\",\"approvers\":2,\"risk\":\"high\"}");
        policy("{\"pattern\":\"product.*\",\"risk\":\"medium\",\"approvalTtl\":\"PT10M\"}");
        JsonObject w = createCredential(credential(
                "writer",
                "control:actions:simulate",
                "control:actions:execute",
                "control:approvals:request",
                "control:approvals:decide",
                "entries:read",
                "tags:read",
                "variants:read",
                "products:read",
                "webhooks:manage"));
        writerId = w.getString("id");
        writer = bearer(Api.tokenFor(w));
        approverA = bearer(Api.tokenFor(createCredential(credential(
                "approver-a", "control:approvals:decide", "entries:read", "products:read", "webhooks:manage"))));
        approverB = bearer(Api.tokenFor(createCredential(
                credential("approver-b", "control:approvals:decide", "entries:read", "products:read"))));
        blind = bearer(Api.tokenFor(createCredential(credential(
                "blind", "control:approvals:decide", "control:actions:execute", "tags:read", "webhooks:manage"))));
        writerHook = "writer-" + UUID.randomUUID();
        approverAHook = "approver-a-" + UUID.randomUUID();
        blindHook = "blind-" + UUID.randomUUID();
        subscribe(writer, writerHook);
        subscribe(approverA, approverAHook);
        subscribe(blind, blindHook);
    }

    @Test
    void capabilitiesListTheSurfaceItsActionsAndTheirSchemas() {
        JsonObject capabilities = json(get("api/v1/capabilities"));
        JsonObject control = capabilities.getJsonArray("surfaces").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals("control"))
                .findFirst()
                .orElseThrow();
        assertEquals("experimental", control.getString("stability"));
        assertEquals("agentry.writes.experimental", control.getString("flag"));
        assertTrue(control.getBoolean("enabled"));
        List<String> actions = capabilities.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("name"))
                .toList();
        assertTrue(
                actions.containsAll(List.of(
                        "entry.create",
                        "entry.update",
                        "entry.delete",
                        "product.update",
                        "variant.updateStock",
                        "order.updateStatus",
                        "asset.update",
                        "tag.create")),
                actions::toString);
        JsonObject schema = json(get("api/v1/schema/action.entry.update", asBootstrap()));
        assertTrue(schema.getJsonObject("properties").containsKey("expectedVersion"));
    }

    @Test
    void anUpdateNeedsAnApprovalBoundToItsInputAndUsedOnce() {
        JsonObject entry = createEntry("bound");
        String id = entry.getString("targetId");
        long version = entry.getJsonObject("after").getJsonNumber("version").longValue();
        String input = "{\"id\":\"" + id + "\",\"expectedVersion\":" + version + ",\"title\":\"Approved title\"}";

        JsonObject missing =
                assertProblem(execute(writer, key(), "entry.update", input, null), 403, "approval_required");
        assertTrue(missing.getString("detail").contains("1 approver"), missing::toString);

        JsonObject approval = request(writer, "entry.update", input);
        assertEquals("pending", approval.getString("status"));
        assertEquals(1, approval.getInt("approversRequired"));
        String approvalId = approval.getString("id");
        // The requester never decides its own request, whatever its scopes.
        assertProblem(decide(writer, approvalId, "approve"), 403, "scope_denied");
        assertProblem(execute(writer, key(), "entry.update", input, approvalId), 403, "approval_required");

        JsonObject approved = json(decide(approverA, approvalId, "approve"));
        assertEquals("approved", approved.getString("status"));
        assertProblem(decide(approverB, approvalId, "approve"), 409, "conflict");
        // The requester hears of its request and of the decision; one who may not read entries hears of neither.
        assertAnnounced(approvalId, List.of("approval.requested", "approval.approved"), "approved");

        String other = input.replace("Approved title", "Another title");
        JsonObject wrongInput =
                assertProblem(execute(writer, key(), "entry.update", other, approvalId), 403, "approval_required");
        assertTrue(wrongInput.getString("detail").contains("another action or input"), wrongInput::toString);

        HttpResponse<String> executed = execute(writer, key(), "entry.update", input, approvalId);
        assertEquals(200, executed.statusCode(), executed.body());
        JsonObject execution = json(executed);
        assertEquals(approvalId, execution.getString("approvalId"));
        JsonObject effect = execution.getJsonObject("effect");
        assertEquals("Approved title", effect.getJsonObject("after").getString("title"));
        assertEquals("Approved title", effect.getJsonObject("patch").getString("title"));
        assertEquals("Approved title", json(get("api/v1/entries/" + id, writer)).getString("title"));

        JsonObject used =
                assertProblem(execute(writer, key(), "entry.update", input, approvalId), 403, "approval_required");
        assertTrue(used.getString("detail").contains("used once"), used::toString);
        JsonObject consumed = json(get("api/v1/control/approvals/" + approvalId, writer));
        assertEquals(execution.getString("id"), consumed.getString("executionId"));

        // The audit trail of control actions names the approval the write was made under.
        // (Records are chained, and listed, within a second.)
        Eventually.await(
                "the execution's audit record",
                Duration.ofSeconds(20),
                () -> listed(get("api/v1/control/audit?limit=500", asBootstrap())),
                audit -> audit.stream()
                        .anyMatch(r -> r.getString("action").equals("control.entry.update")
                                && approvalId.equals(r.getString("approvalId", null))));
    }

    @Test
    void aMovedRecordIsAConflictAndNothingIsWritten() {
        DemoData.await();
        JsonObject variant = listed(get("api/v1/variants?limit=1", writer)).get(0);
        String id = variant.getString("uid");
        long version = variant.getJsonNumber("version").longValue();
        String stale = "{\"id\":\"" + id + "\",\"expectedVersion\":" + (version + 7) + ",\"stock\":3}";

        assertProblem(execute(writer, key(), "variant.updateStock", stale, null), 409, "conflict");
        assertProblem(simulate(writer, "variant.updateStock", stale), 409, "conflict");
        assertEquals(
                version,
                json(get("api/v1/variants/" + id, writer))
                        .getJsonNumber("version")
                        .longValue());

        String current = "{\"id\":\"" + id + "\",\"expectedVersion\":" + version + ",\"stock\":3}";
        assertEquals(
                200,
                execute(writer, key(), "variant.updateStock", current, null).statusCode());
        assertProblem(execute(writer, key(), "variant.updateStock", current, null), 409, "conflict");
    }

    @Test
    void dualControlNeedsTwoDistinctApprovers() {
        JsonObject entry = createEntry("dual");
        String id = entry.getString("targetId");
        long version = entry.getJsonObject("after").getJsonNumber("version").longValue();
        String input = "{\"id\":\"" + id + "\",\"expectedVersion\":" + version + "}";
        JsonObject approval = request(writer, "entry.delete", input);
        assertEquals(2, approval.getInt("approversRequired"));
        assertEquals("high", approval.getString("risk"));
        String approvalId = approval.getString("id");

        JsonObject once = json(decide(approverA, approvalId, "approve"));
        assertEquals("pending", once.getString("status"));
        assertEquals(1, once.getInt("approvals"));
        assertProblem(decide(approverA, approvalId, "approve"), 409, "conflict");
        JsonObject notYet =
                assertProblem(execute(writer, key(), "entry.delete", input, approvalId), 403, "approval_required");
        assertTrue(notYet.getString("detail").contains("1 of 2"), notYet::toString);

        JsonObject twice = json(decide(approverB, approvalId, "approve"));
        assertEquals("approved", twice.getString("status"));
        assertEquals(2, twice.getJsonArray("decisions").size());
        assertEquals(
                200, execute(writer, key(), "entry.delete", input, approvalId).statusCode());
        assertProblem(get("api/v1/entries/" + id, writer), 404, "not_found");
    }

    @Test
    void aRejectedApprovalEndsTheRequest() {
        JsonObject entry = createEntry("rejected");
        String input = "{\"id\":\"" + entry.getString("targetId") + "\",\"expectedVersion\":0,\"title\":\"No\"}";
        String approvalId = request(writer, "entry.update", input).getString("id");

        HttpResponse<String> rejected = postJson(
                "api/v1/control/approvals/" + approvalId + "/decide",
                "{\"decision\":\"reject\",\"comment\":\"not now\"}",
                approverA);
        assertEquals("rejected", json(rejected).getString("status"));
        assertEquals(
                "not now",
                json(rejected).getJsonArray("decisions").getJsonObject(0).getString("comment"));
        assertProblem(decide(approverB, approvalId, "approve"), 409, "conflict");
        JsonObject refused =
                assertProblem(execute(writer, key(), "entry.update", input, approvalId), 403, "approval_required");
        assertTrue(refused.getString("detail").contains("rejected"), refused::toString);
        assertAnnounced(approvalId, List.of("approval.requested", "approval.rejected"), "rejected");
    }

    @Test
    void aPendingApprovalExpiresAtItsTtlAndIsAnnounced() {
        DemoData.await();
        JsonObject product = listed(get("api/v1/products?limit=1", writer)).get(0);
        String input = "{\"id\":\"" + product.getString("uid") + "\",\"expectedVersion\":"
                + product.getJsonNumber("version").longValue() + ",\"title\":\"Expiring\"}";
        JsonObject approval = request(writer, "product.update", input);
        assertEquals("product.*", approval.getString("policy"));
        String approvalId = approval.getString("id");
        try {
            Api.shiftClock(11 * 60);
            assertEquals(
                    "expired",
                    json(get("api/v1/control/approvals/" + approvalId, writer)).getString("status"));
            assertProblem(decide(approverA, approvalId, "approve"), 409, "conflict");
            List<JsonObject> announced = WebhookReceiver.get()
                    .await(approverAHook, received -> types(received).contains("approval.expired:" + approvalId));
            assertFalse(announced.isEmpty());
        } finally {
            Api.shiftClock(0);
        }
        assertTrue(listed(get("api/v1/control/approvals?status=expired&limit=200", writer)).stream()
                .anyMatch(a -> a.getString("id").equals(approvalId)));
        assertProblem(get("api/v1/control/approvals?status=sideways", writer), 400, "validation_failed");
    }

    @Test
    void aReplayReturnsTheFirstResultAndAnotherBodyIsAConflict() {
        String slug = "idem-" + UUID.randomUUID();
        String key = key();
        HttpResponse<String> first = execute(writer, key, "tag.create", tag(slug), null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("false", first.headers().firstValue("Idempotent-Replayed").orElse(null));
        HttpResponse<String> again = execute(writer, key, "tag.create", tag(slug), null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(json(first).getString("id"), json(again).getString("id"));
        assertProblem(execute(writer, key, "tag.create", tag(slug + "-other"), null), 409, "idempotency_conflict");
        assertTrue(fieldErrors(execute(writer, null, "tag.create", tag(slug), null))
                .contains("Idempotency-Key:required"));
        assertEquals(1, traces(slug, key).getInt("tag"));
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        String slug = "race-" + UUID.randomUUID();
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> execute(writer, key, "tag.create", tag(slug), null));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            responses.forEach(r -> assertEquals(200, r.statusCode(), r.body()));
            assertEquals(
                    1,
                    responses.stream()
                            .filter(r -> r.headers()
                                    .firstValue("Idempotent-Replayed")
                                    .orElse("")
                                    .equals("false"))
                            .count());
            assertEquals(
                    1,
                    responses.stream()
                            .map(r -> json(r).getString("id"))
                            .distinct()
                            .count());
        } finally {
            pool.shutdownNow();
        }
        JsonObject traces = traces(slug, key);
        assertEquals(1, traces.getInt("tag"), traces::toString);
        assertEquals(1, traces.getInt("change_record"), traces::toString);
        assertEquals(1, traces.getInt("webhook_event"), traces::toString);
        assertEquals(1, traces.getInt("control_execution"), traces::toString);
        assertEquals(1, traces.getInt("audit_record"), traces::toString);
    }

    @Test
    void aFailureAfterTheWriteLeavesNothingOfIt() {
        String slug = "atomic-" + UUID.randomUUID();
        String key = key();
        Api.send("PUT", "api/v1/_probe/control/fail-write/" + slug, BodyPublishers.noBody());
        try {
            HttpResponse<String> failed = execute(writer, key, "tag.create", tag(slug), null);
            assertProblem(failed, 500, "internal");
        } finally {
            Api.send("DELETE", "api/v1/_probe/control/fail-write", BodyPublishers.noBody());
        }
        JsonObject nothing = traces(slug, key);
        for (String table : nothing.keySet()) {
            assertEquals(0, nothing.getInt(table), () -> table + " after the failure: " + nothing);
        }
        // The key was not spent: the same request now executes, once, with every record.
        HttpResponse<String> retried = execute(writer, key, "tag.create", tag(slug), null);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(
                "false", retried.headers().firstValue("Idempotent-Replayed").orElse(null));
        JsonObject everything = traces(slug, key);
        for (String table : everything.keySet()) {
            assertEquals(1, everything.getInt(table), () -> table + " after the retry: " + everything);
        }
    }

    @Test
    void simulateNamesThePolicyPreviewsTheEffectAndWritesNothing() {
        String slug = "simulated-" + UUID.randomUUID();
        HttpResponse<String> simulated = simulate(writer, "tag.create", tag(slug));
        assertEquals(200, simulated.statusCode(), simulated.body());
        JsonObject simulation = json(simulated);
        assertEquals("tags:read", simulation.getString("requiredScope"));
        JsonObject governance = simulation.getJsonObject("governance");
        assertEquals("tag.create", governance.getString("policy"));
        assertFalse(governance.getBoolean("requiresApproval"));
        assertEquals("low", governance.getString("risk"));
        assertEquals(JsonValue.NULL, simulation.getJsonObject("effect").get("before"));
        assertEquals(
                slug, simulation.getJsonObject("effect").getJsonObject("after").getString("slug"));
        assertEquals(
                slug, simulation.getJsonObject("effect").getJsonObject("patch").getString("slug"));
        JsonObject traces = traces(slug, "none");
        for (String table : traces.keySet()) {
            assertEquals(0, traces.getInt(table), () -> table + " after a simulation: " + traces);
        }

        JsonObject entry = createEntry("simulated");
        JsonObject update = json(simulate(
                writer,
                "entry.update",
                "{\"id\":\"" + entry.getString("targetId") + "\",\"expectedVersion\":0,\"title\":\"Previewed\"}"));
        JsonObject byDefault = update.getJsonObject("governance");
        assertEquals(JsonValue.NULL, byDefault.get("policy"));
        assertTrue(byDefault.getBoolean("requiresApproval"));
        assertEquals(1, byDefault.getInt("approvers"));
        assertEquals(
                "Previewed",
                update.getJsonObject("effect").getJsonObject("patch").getString("title"));
        assertEquals(
                "Simulated entry",
                update.getJsonObject("effect").getJsonObject("before").getString("title"));
        assertNotEquals(
                "Previewed",
                json(get("api/v1/entries/" + entry.getString("targetId"), writer))
                        .getString("title"));
    }

    @Test
    void badInputIsAProblemNamingEveryField() {
        assertTrue(fieldErrors(execute(writer, key(), "entry.teleport", "{}", null))
                .contains("action:unknown_action"));
        Set<String> errors =
                fieldErrors(execute(writer, key(), "tag.create", "{\"slug\":\"Not A Slug\",\"x\":1}", null));
        assertTrue(errors.containsAll(Set.of("input.name:required", "input.x:unknown_field")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("input.slug:")), errors::toString);
        assertProblem(
                Api.send(
                        "POST",
                        "api/v1/control/actions/execute",
                        BodyPublishers.ofString("[1,2]"),
                        Api.with(writer, "Content-Type", "application/json", "Idempotency-Key", key())),
                400,
                "validation_failed");
        assertProblem(
                postJson("api/v1/control/approvals/apr_nothing/decide", "{\"decision\":\"maybe\"}", approverA),
                400,
                "validation_failed");
        assertProblem(
                postJson("api/v1/control/approvals/apr_nothing/decide", "{\"decision\":\"approve\"}", approverA),
                404,
                "not_found");
        assertProblem(get("api/v1/control/executions/exe_nothing", writer), 404, "not_found");
    }

    @Test
    void policiesAreManagedAndEveryChangeIsAudited() {
        String created = postJson(
                        "api/v1/control/policies",
                        "{\"pattern\":\"asset.update\",\"risk\":\"critical\",\"approvers\":2,\"approvalTtl\":\"PT2H\"}",
                        asBootstrap())
                .body();
        JsonObject policy = Api.structure(created).asJsonObject();
        long id = policy.getJsonNumber("id").longValue();
        assertEquals("critical", policy.getString("risk"));
        assertTrue(policy.getBoolean("requiresApproval"));
        assertProblem(
                postJson("api/v1/control/policies", "{\"pattern\":\"asset.update\"}", asBootstrap()), 409, "conflict");
        assertEquals(
                Set.of("approvers:out_of_range", "risk:invalid"),
                fieldErrors(postJson(
                        "api/v1/control/policies",
                        "{\"pattern\":\"asset.*\",\"approvers\":3,\"risk\":\"scary\"}",
                        asBootstrap())));
        assertEquals(
                Set.of("pattern:unknown_action", "approvalTtl:invalid"),
                fieldErrors(postJson(
                        "api/v1/control/policies",
                        "{\"pattern\":\"nothing.*\",\"approvalTtl\":\"soon\"}",
                        asBootstrap())));
        HttpResponse<String> changed = Api.send(
                "PATCH",
                "api/v1/control/policies/" + id,
                BodyPublishers.ofString("{\"approvers\":1,\"maxPerHour\":5}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(1, json(changed).getInt("approvers"));
        assertEquals(5, json(changed).getInt("maxPerHour"));
        assertTrue(listed(get("api/v1/control/policies", asBootstrap())).stream()
                .anyMatch(p -> p.getString("pattern").equals("asset.update")));
        assertEquals(
                204,
                Api.send("DELETE", "api/v1/control/policies/" + id, BodyPublishers.noBody(), asBootstrap())
                        .statusCode());
        assertProblem(get("api/v1/control/policies/" + id, asBootstrap()), 404, "not_found");
        Eventually.await(
                "the policy's audit records",
                Duration.ofSeconds(20),
                () -> listed(get("api/v1/control/audit?limit=500", asBootstrap())).stream()
                        .filter(r -> "asset.update".equals(r.getString("target", null)))
                        .map(r -> r.getString("action"))
                        .toList(),
                audited -> audited.containsAll(
                        List.of("control.policy.create", "control.policy.update", "control.policy.delete")));
        // Policies are read with control:policies:read only.
        assertProblem(get("api/v1/control/policies", writer), 403, "scope_denied");
    }

    @Test
    void whatACallerCannotReadNeverReachesIt() {
        JsonObject entry = createEntry("datum");
        String input = "{\"id\":\"" + entry.getString("targetId") + "\",\"expectedVersion\":0,\"title\":\"Datum\"}";
        String approvalId = request(writer, "entry.update", input).getString("id");

        // Without entries:read: no entry action, no entries approval, no entries execution, no event.
        assertProblem(execute(blind, key(), "entry.create", entryInput("blind"), null), 403, "scope_denied");
        assertProblem(get("api/v1/control/approvals/" + approvalId, blind), 404, "not_found");
        assertProblem(decide(blind, approvalId, "approve"), 404, "not_found");
        assertTrue(listed(get("api/v1/control/approvals?limit=200", blind)).stream()
                .noneMatch(a -> a.getString("collection").equals("entries")));
        assertProblem(get("api/v1/control/executions/" + entry.getString("id"), blind), 404, "not_found");
        assertTrue(listed(get("api/v1/control/executions?limit=200", blind)).isEmpty());

        // An approver reading entries sees it, and is told of it by webhook.
        assertEquals(
                "pending",
                json(get("api/v1/control/approvals/" + approvalId, approverB)).getString("status"));
        WebhookReceiver.get()
                .await(approverAHook, received -> types(received).contains("approval.requested:" + approvalId));
        assertTrue(
                types(WebhookReceiver.get().received(blindHook)).stream().noneMatch(t -> t.endsWith(approvalId)),
                "an approval of entries never reaches a subscriber without entries:read");

        // Another credential's execution is not found; an auditor's view is every credential's.
        String[] other =
                bearer(Api.tokenFor(createCredential(credential("other", "control:actions:execute", "entries:read"))));
        assertProblem(get("api/v1/control/executions/" + entry.getString("id"), other), 404, "not_found");
        assertTrue(listed(get("api/v1/control/executions?limit=200", other)).isEmpty());
        assertEquals(
                entry.getString("id"),
                json(get("api/v1/control/executions/" + entry.getString("id"), writer))
                        .getString("id"));
        assertEquals(
                writerId,
                json(get("api/v1/control/executions/" + entry.getString("id"), asBootstrap()))
                        .getString("executedBy"));
    }

    @Test
    void approvalsAndExecutionsArePagedWithCursorsBoundToTheirListing() {
        String slug = "paged-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    200,
                    execute(writer, key(), "tag.create", tag(slug + "-" + i), null)
                            .statusCode());
            request(writer, "tag.create", tag(slug + "-asked-" + i));
        }
        for (String listing : List.of("approvals?status=pending&action=tag.create", "executions?action=tag.create")) {
            String path = "api/v1/control/" + listing;
            JsonObject first = json(get(path + "&limit=2", writer));
            assertEquals(2, first.getInt("count"));
            assertTrue(first.getBoolean("hasMore"), first::toString);
            String cursor = first.getString("nextCursor");
            JsonObject second = json(get(path + "&limit=2&cursor=" + cursor, writer));
            List<String> seen = new ArrayList<>();
            for (JsonObject page : List.of(first, second)) {
                page.getJsonArray("data").getValuesAs(JsonObject.class).forEach(r -> {
                    assertEquals("tag.create", r.getString("action"));
                    seen.add(r.getString("id"));
                });
            }
            assertEquals(4, seen.size(), seen::toString);
            assertEquals(4, seen.stream().distinct().count(), "no record on two pages: " + seen);
            // A cursor serves its own listing only: other filters, another caller, an altered one.
            assertProblem(get(path + "&limit=3&cursor=" + cursor, blind), 400, "cursor_invalid");
            assertProblem(
                    get(
                            "api/v1/control/" + listing.replace("tag.create", "entry.update") + "&cursor=" + cursor,
                            writer),
                    400,
                    "cursor_invalid");
            assertProblem(get(path + "&cursor=x" + cursor, writer), 400, "cursor_invalid");
            assertEquals(Set.of("limit:out_of_range"), fieldErrors(get(path + "&limit=201", writer)));
        }
    }

    @Test
    void aPolicysMaxPerHourRefusesTheNextExecutionInTheHourAndWritesNothing() {
        DemoData.await();
        String[] rated =
                bearer(Api.tokenFor(createCredential(credential("rated", "control:actions:execute", "assets:read"))));
        HttpResponse<String> created = postJson(
                "api/v1/control/policies",
                "{\"pattern\":\"asset.update\",\"requiresApproval\":false,\"risk\":\"low\",\"maxPerHour\":2}",
                asBootstrap());
        assertEquals(201, created.statusCode(), created.body());
        long policy = json(created).getJsonNumber("id").longValue();
        try {
            JsonObject asset = listed(get("api/v1/assets?limit=1", rated)).get(0);
            long version = asset.getJsonNumber("version").longValue();
            for (int i = 1; i <= 2; i++) {
                HttpResponse<String> done = execute(rated, key(), "asset.update", altText(asset, version, i), null);
                assertEquals(200, done.statusCode(), done.body());
                version = json(done)
                        .getJsonObject("effect")
                        .getJsonObject("after")
                        .getJsonNumber("version")
                        .longValue();
            }
            JsonObject refused = assertProblem(
                    execute(rated, key(), "asset.update", altText(asset, version, 3), null), 429, "rate_limited");
            assertTrue(refused.getString("detail").contains("2 executions of asset.update"), refused::toString);
            assertEquals(
                    version,
                    json(get("api/v1/assets/" + asset.getString("uid"), rated))
                            .getJsonNumber("version")
                            .longValue(),
                    "the refused execution wrote nothing");
        } finally {
            Api.send("DELETE", "api/v1/control/policies/" + policy, BodyPublishers.noBody(), asBootstrap());
        }
    }

    @Test
    void anExpiryOnceRecordedOutlivesAClockThatMovesBack() {
        DemoData.await();
        JsonObject product = listed(get("api/v1/products?limit=1", writer)).get(0);
        String input = "{\"id\":\"" + product.getString("uid") + "\",\"expectedVersion\":"
                + product.getJsonNumber("version").longValue() + ",\"title\":\"Expired while down\"}";
        String approvalId = request(writer, "product.update", input).getString("id");
        try {
            // As after a restart past its expiry: the stored expiry alone makes it expired, and the sweep records it.
            Api.shiftClock(11 * 60);
            assertEquals(
                    "expired",
                    json(get("api/v1/control/approvals/" + approvalId, writer)).getString("status"));
            WebhookReceiver.get()
                    .await(approverAHook, received -> types(received).contains("approval.expired:" + approvalId));
        } finally {
            Api.shiftClock(0);
        }
        // Back before its expiry, it stays expired: neither decided nor usable.
        assertEquals(
                "expired",
                json(get("api/v1/control/approvals/" + approvalId, writer)).getString("status"));
        assertProblem(decide(approverA, approvalId, "approve"), 409, "conflict");
        assertProblem(execute(writer, key(), "product.update", input, approvalId), 403, "approval_required");
    }

    private static String altText(JsonObject asset, long version, int n) {
        return "{\"id\":\"" + asset.getString("uid") + "\",\"expectedVersion\":" + version + ",\"altText\":\"Rated " + n
                + "\"}";
    }

    // ----------------------------------------------------------------------------------------------

    /** An entry of this test's own, created as the default governs entry.create: with one approval. */
    private static JsonObject createEntry(String name) {
        String input = entryInput(name);
        String approvalId = request(writer, "entry.create", input).getString("id");
        assertEquals(200, decide(approverA, approvalId, "approve").statusCode());
        HttpResponse<String> created = execute(writer, key(), "entry.create", input, approvalId);
        assertEquals(200, created.statusCode(), created.body());
        JsonObject execution = json(created);
        return Json.createObjectBuilder(execution.getJsonObject("effect"))
                .add("id", execution.getString("id"))
                .build();
    }

    private static String entryInput(String name) {
        DemoData.await();
        String section =
                listed(get("api/v1/sections?limit=1", asBootstrap())).get(0).getString("handle");
        String cased = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return "{\"section\":\"" + section + "\",\"title\":\"" + cased + " entry\",\"slug\":\"" + name + "-"
                + UUID.randomUUID() + "\",\"fields\":{\"body\":\"text\"}}";
    }

    private static String tag(String slug) {
        return "{\"name\":\"Tag " + slug + "\",\"slug\":\"" + slug + "\"}";
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static JsonObject traces(String slug, String key) {
        return json(get("api/v1/_probe/control/traces?slug=" + slug + "&key=" + key));
    }

    private static void policy(String json) {
        HttpResponse<String> response = postJson("api/v1/control/policies", json, asBootstrap());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new AssertionError("policy not created: " + response.statusCode() + " " + response.body());
        }
    }

    private static String credential(String name, String... scopes) {
        return "{\"name\":\"" + name + "-" + UUID.randomUUID() + "\",\"owner\":\"control-it\",\"scopes\":"
                + Json.createArrayBuilder(List.of(scopes)).build() + "}";
    }

    private static void subscribe(String[] owner, String name) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + WebhookReceiver.get().url(name, null) + "\",\"events\":[\"approval.*\"]}",
                owner);
        assertEquals(201, created.statusCode(), created.body());
    }

    /**
     * Waits until the requester's subscription received exactly {@code types} about the approval, the last one
     * carrying {@code status}; by then the same events were routed to the blind subscriber, which reads no
     * entries and so received none of them.
     */
    private static void assertAnnounced(String approvalId, List<String> types, String status) {
        List<JsonObject> received = WebhookReceiver.get()
                .await(writerHook, r -> about(r, approvalId).size() >= types.size());
        List<JsonObject> events = about(received, approvalId);
        assertEquals(
                types,
                events.stream()
                        .sorted(java.util.Comparator.comparing(e -> java.time.Instant.parse(e.getString("occurredAt"))))
                        .map(e -> e.getString("type"))
                        .toList(),
                events::toString);
        JsonObject decided = events.stream()
                .filter(e -> e.getString("type").equals(types.get(types.size() - 1)))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
        assertEquals(status, decided.getString("status"), decided::toString);
        assertEquals("entry.update", decided.getString("action"), decided::toString);
        assertEquals("entries", decided.getString("collection"), decided::toString);
        assertEquals(writerId, decided.getString("requestedBy"), decided::toString);
        assertTrue(
                about(WebhookReceiver.get().received(blindHook), approvalId).isEmpty(),
                "an approval of entries never reaches a subscriber without entries:read");
    }

    /** The events delivered about one approval. */
    private static List<JsonObject> about(List<JsonObject> received, String approvalId) {
        return received.stream()
                .map(r -> Api.structure(r.getString("body")).asJsonObject())
                .filter(e -> approvalId.equals(e.getJsonObject("data").getString("approvalId", null)))
                .toList();
    }

    /** {@code type:approvalId} of each delivery. */
    private static List<String> types(List<JsonObject> received) {
        return received.stream()
                .map(r -> Api.structure(r.getString("body")).asJsonObject())
                .map(e -> e.getString("type") + ":" + e.getJsonObject("data").getString("approvalId", ""))
                .toList();
    }
}
