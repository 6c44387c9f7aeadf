package dev.agentry.it.publication;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Control;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code artifact.apply} as a governed action through {@code /control} (SPEC section 10): simulated with
 * the patch's files and lines and nothing written, refused without the approval its policy demands,
 * executed once per Idempotency-Key into a branch of the real target repository and announced as
 * {@code artifact.applied} to the run's owner alone, and — since runs are
 * owned — another credential's run is {@code not_found} on every route, as are its approvals and
 * executions to a reader who does not own every run.
 */
@ExtendWith(ArquillianExtension.class)
class ArtifactApplyIT {

    private static String[] operator;
    private static String[] stranger;
    private static String[] runsAdminApprover;
    private static String[] plainApprover;
    private static String ownerHook;
    private static String strangerSubscription;

    @BeforeAll
    static void aTargetAPolicyAndCredentials() throws Exception {
        PublicationIT.aTargetRepositoryWithAnotherBranchAndWorkInProgress();
        HttpResponse<String> policy = postJson(
                "api/v1/control/policies",
                "{\"pattern\":\"artifact.apply\",\"requiresApproval\":true,\"risk\":\"high\",\"approvers\":1}",
                asBootstrap());
        assertTrue(policy.statusCode() == 201 || policy.statusCode() == 409, policy.body());
        operator = credential(
                "apply-operator",
                "runs:write",
                "runs:read",
                "artifacts:read",
                "agents:read",
                "entries:read",
                "users:read",
                "schema:read",
                "control:actions:simulate",
                "control:actions:execute",
                "control:approvals:request",
                "webhooks:manage");
        stranger = credential(
                "apply-stranger",
                "runs:read",
                "artifacts:read",
                "control:actions:simulate",
                "control:actions:execute",
                "control:approvals:request",
                "control:approvals:decide",
                "control:audit:read",
                "webhooks:manage");
        runsAdminApprover = credential("apply-approver", "artifacts:read", "runs:admin", "control:approvals:decide");
        plainApprover = credential("apply-plain-approver", "artifacts:read", "control:approvals:decide");
        // The run's owner hears of its publication; another credential reading artifacts does not.
        ownerHook = "apply-owner-" + UUID.randomUUID();
        subscribe(operator, ownerHook, "artifact.applied");
        strangerSubscription = subscribe(stranger, "apply-stranger-" + UUID.randomUUID(), "artifact.*");
    }

    @Test
    void aRunsPatchIsSimulatedApprovedAndAppliedOnceThroughControl() throws Exception {
        String file = "applied-" + UUID.randomUUID() + ".txt";
        String runId = run(file);
        String bundleId = json(get("api/v1/runs/" + runId, operator)).getString("bundleId");
        String input = input(runId, bundleId);
        String before = PublicationIT.everything();

        // Simulate: the governing policy and the patch's files and lines, and nothing written.
        HttpResponse<String> simulated = Control.simulate(operator, "artifact.apply", input);
        assertEquals(200, simulated.statusCode(), simulated.body());
        JsonObject simulation = json(simulated);
        assertEquals("runs", simulation.getString("collection"));
        assertEquals("artifacts:read", simulation.getString("requiredScope"));
        JsonObject governance = simulation.getJsonObject("governance");
        assertEquals("artifact.apply", governance.getString("policy"));
        assertTrue(governance.getBoolean("requiresApproval"));
        assertEquals("high", governance.getString("risk"));
        JsonObject after = simulation.getJsonObject("effect").getJsonObject("after");
        assertEquals("agentry/" + runId, after.getString("branch"));
        assertEquals(bundleId, after.getString("bundleId"));
        JsonObject changed = after.getJsonArray("files").getJsonObject(0);
        assertEquals(file, changed.getString("path"));
        assertEquals("add", changed.getString("change"));
        assertEquals(2, changed.getInt("linesAdded"));
        assertEquals(0, changed.getInt("linesRemoved"));
        assertEquals(2, after.getInt("linesAdded"));
        assertEquals(before, PublicationIT.everything(), "a simulation writes nothing");

        // Without an approval the policy demands, nothing happens.
        assertProblem(Control.execute(operator, key(), "artifact.apply", input, null), 403, "approval_required");
        // Another bundle than the one seen is a conflict.
        assertProblem(
                Control.simulate(operator, "artifact.apply", input(runId, "sha256:" + "0".repeat(64))),
                409,
                "conflict");

        String approvalId = Control.request(operator, "artifact.apply", input).getString("id");
        // A decider who does not own every run does not reach an approval of another credential's run.
        assertProblem(get("api/v1/control/approvals/" + approvalId, plainApprover), 404, "not_found");
        assertFalse(listed(get("api/v1/control/approvals?status=pending&limit=200", plainApprover)).stream()
                .anyMatch(a -> a.getString("id").equals(approvalId)));
        assertProblem(Control.decide(plainApprover, approvalId, "approve"), 404, "not_found");
        assertEquals(
                200, Control.decide(runsAdminApprover, approvalId, "approve").statusCode());
        assertEquals(before, PublicationIT.everything(), "an approval writes nothing");

        String key = key();
        HttpResponse<String> executed = Control.execute(operator, key, "artifact.apply", input, approvalId);
        assertEquals(200, executed.statusCode(), executed.body());
        assertEquals(
                "false", executed.headers().firstValue("Idempotent-Replayed").orElse(null));
        JsonObject execution = json(executed);
        assertEquals(approvalId, execution.getString("approvalId"));
        JsonObject effect = execution.getJsonObject("effect").getJsonObject("after");
        String branch = "agentry/" + runId;
        assertEquals(branch, effect.getString("branch"));
        String commit = effect.getString("commit");
        assertEquals(commit, PublicationIT.git("rev-parse", branch).strip(), "the branch exists in the target");
        assertEquals("hello\nworld\n", PublicationIT.git("show", branch + ":" + file));
        assertEquals(
                List.of(file),
                effect.getJsonArray("paths").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        String published = PublicationIT.everything();

        // artifact.applied, committed with the execution, reaches the run's owner...
        JsonObject announced =
                WebhookReceiver.get()
                        .await(ownerHook, received -> applied(received, runId).isPresent())
                        .stream()
                        .flatMap(r -> applied(List.of(r), runId).stream())
                        .findFirst()
                        .orElseThrow();
        assertEquals("site", announced.getString("target"));
        assertEquals(branch, announced.getString("branch"));
        assertEquals(commit, announced.getString("commit"));
        assertEquals(bundleId, announced.getString("bundleId"));
        // ...and not another credential with artifacts:read (routing made every delivery of the event at once).
        assertTrue(
                listed(get("api/v1/webhooks/subscriptions/" + strangerSubscription + "/deliveries?limit=200", stranger))
                        .stream()
                        .noneMatch(d -> d.getString("eventType").equals("artifact.applied")),
                "another credential's run's publication is not routed to it");

        // A replay answers with the first result and publishes nothing again.
        HttpResponse<String> replayed = Control.execute(operator, key, "artifact.apply", input, approvalId);
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertEquals(
                "true", replayed.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(execution.getString("id"), json(replayed).getString("id"));
        assertEquals(published, PublicationIT.everything());
        // The approval was used: a new key with it is refused.
        assertProblem(Control.execute(operator, key(), "artifact.apply", input, approvalId), 403, "approval_required");

        // The execution is the operator's; an auditor who does not own every run does not reach it.
        String executionId = execution.getString("id");
        assertEquals(
                200, get("api/v1/control/executions/" + executionId, operator).statusCode());
        assertProblem(get("api/v1/control/executions/" + executionId, stranger), 404, "not_found");
        assertFalse(listed(get("api/v1/control/executions?limit=200", stranger)).stream()
                .anyMatch(e -> e.getString("id").equals(executionId)));
    }

    @Test
    void anotherCredentialsRunIsNotFoundOnEveryControlRoute() throws Exception {
        String runId = run("strangers-" + UUID.randomUUID() + ".txt");
        String input = input(runId, null);
        String before = PublicationIT.everything();

        // The run is checked before anything else: no simulation, no approval, no hint of governance.
        assertProblem(Control.simulate(stranger, "artifact.apply", input), 404, "not_found");
        assertProblem(Control.requesting(stranger, "artifact.apply", input), 404, "not_found");
        assertProblem(Control.execute(stranger, key(), "artifact.apply", input, null), 404, "not_found");
        assertTrue(
                listed(get("api/v1/control/approvals?limit=200", stranger)).stream()
                        .noneMatch(a ->
                                a.getJsonObject("input").getString("runId", "").equals(runId)),
                "no approval of another credential's run was made");
        assertEquals(before, PublicationIT.everything(), "nothing was published");

        // The owner reaches it on the same routes: the refusals above are about the run's owner alone.
        assertEquals(200, Control.simulate(operator, "artifact.apply", input).statusCode());
        assertEquals(201, Control.requesting(operator, "artifact.apply", input).statusCode());
    }

    private static String run(String file) {
        String script = "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"" + file
                + "\",\"content\":\"hello\\nworld\\n\"}}],\"final\":\"ok\"}]";
        HttpResponse<String> submitted = Runs.submit(
                task("demo", PublicationIT.TOOLS, "[]", script),
                UUID.randomUUID().toString(),
                operator);
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = json(submitted).getString("id");
        JsonObject run = awaitEnd(id, operator);
        assertEquals("succeeded", run.getString("status"), run.toString());
        return id;
    }

    /** The data of an {@code artifact.applied} delivery for {@code runId}, if one was received. */
    private static Optional<JsonObject> applied(List<JsonObject> received, String runId) {
        return received.stream()
                .map(r -> Api.structure(r.getString("body")).asJsonObject())
                .filter(e -> e.getString("type").equals("artifact.applied"))
                .map(e -> e.getJsonObject("data"))
                .filter(d -> d.getString("runId").equals(runId))
                .findFirst();
    }

    private static String subscribe(String[] owner, String hook, String events) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + WebhookReceiver.get().url(hook, null) + "\",\"events\":[\"" + events + "\"]}",
                owner);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getJsonObject("subscription").getString("id");
    }

    private static String input(String runId, String bundleId) {
        return "{\"runId\":\"" + runId + "\",\"target\":\"site\""
                + (bundleId == null ? "" : ",\"expectedBundleId\":\"" + bundleId + "\"") + "}";
    }

    private static String key() {
        return "apply-" + UUID.randomUUID();
    }

    private static String[] credential(String name, String... scopes) {
        return bearer(tokenFor(
                createCredential("{\"name\":\"" + name + "-" + UUID.randomUUID() + "\",\"owner\":\"it\",\"scopes\":"
                        + Json.createArrayBuilder(List.of(scopes)).build() + "}")));
    }
}
