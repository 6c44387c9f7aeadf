package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.it.harness.Accessibility;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Control;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every console page in its main states (empty, filled, error, confirm) through the axe-core engine
 * (WCAG 2.1 A and AA; no serious or critical violation), at 1280 px and at 390 px (never wider than
 * the screen at either), with screenshots of both under {@code target/screenshots}. A page a later change adds
 * belongs in {@link #thePages()} or a test of its own here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAccessibilityIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    private final List<String> problems = new ArrayList<>();

    @Test
    void theSignInPageEmptyAndRefused() {
        try (Browser anonymous = new Browser()) {
            anonymous.open("login.xhtml");
            problems.addAll(Accessibility.problems(anonymous, "a11y-login"));
            anonymous.signIn("nobody-" + UUID.randomUUID(), "wrong");
            anonymous.awaitText("The username or password is not right.");
            problems.addAll(Accessibility.problems(anonymous, "a11y-login-refused"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void thePages() {
        String succeeded = Runs.start(Runs.task(
                        "demo",
                        "[\"workspace.write\"]",
                        "[\"check-greeting\"]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"src/app.txt\","
                                + "\"content\":\"line one\\nfixed\\n\"}}],\"final\":\"Fixed it.\"}]"))
                .getString("id");
        String failed = Runs.start(
                        Runs.task("demo", "[\"workspace.write\"]", "[\"fail\"]", "[{\"final\":\"Done, I think.\"}]"))
                .getString("id");
        String owner = deadLetterFixture();
        Runs.awaitEnd(succeeded);
        Runs.awaitEnd(failed);

        visit("index.xhtml", "Runs by status", "a11y-dashboard");
        visit("credentials.xhtml", "Client id", "a11y-credentials");
        visit("webhooks.xhtml?credential=" + owner, "Dead-letter queue", "a11y-webhooks");
        visit("subscription.xhtml?credential=" + owner, "New subscription", "a11y-subscription-new");
        visit("audit.xhtml", "Audit log", "a11y-audit");
        visit("runs.xhtml", succeeded, "a11y-runs");
        visit("run.xhtml?id=" + succeeded, "+fixed", "a11y-run-succeeded");
        visit("run.xhtml?id=" + failed, "failing-output", "a11y-run-failed");
        visit("incidents.xhtml", "Incidents", "a11y-incidents");
        visit("lifecycle.xhtml", "Lifecycle", "a11y-lifecycle");
        visit("jobs.xhtml", "Batch jobs", "a11y-jobs");
        visit("approvals.xhtml", "Approvals", "a11y-approvals");
        visit("policies.xhtml", "Policies", "a11y-policies");
        visit("executions.xhtml", "Executions", "a11y-executions");
        visit("agents.xhtml", "Agents", "a11y-agents");
        visit("agent.xhtml", "Register an agent", "a11y-agent-new");
        visit("agent.xhtml?slug=rememberer", "Read-only here", "a11y-agent-read-only");
        assertEquals(List.of(), problems);
    }

    @Test
    void theEmptyStates() {
        String nothing = "nothing-" + UUID.randomUUID().toString().substring(0, 8);
        visit("webhooks.xhtml", "Dead-letter queue", "a11y-webhooks-no-credential");
        visit("webhooks.xhtml?type=" + nothing, "Choose a credential above", "a11y-webhooks-empty");
        visit("audit.xhtml?actor=" + nothing, "No records match.", "a11y-audit-none-match");
        browser.open("runs.xhtml");
        browser.type("runs:agent", nothing);
        browser.click("runs:apply");
        browser.awaitText("No runs yet.");
        problems.addAll(Accessibility.problems(browser, "a11y-runs-none-match"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theSubscriptionDeleteConfirmation() {
        String owner = deadLetterFixture();
        visit("webhooks.xhtml?credential=" + owner, "Dead-letter queue", "a11y-webhooks-filled");
        browser.click("webhooks:subscriptions:0:delete");
        browser.awaitText("Delete this subscription");
        problems.addAll(Accessibility.problems(browser, "a11y-webhooks-confirm-delete"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theApprovalsPageWithAPendingApproval() {
        String[] requester = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"a11y-requester-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"control:approvals:request\",\"entries:read\"]}")));
        String approval = Control.request(
                        requester, "entry.delete", "{\"id\":\"" + UUID.randomUUID() + "\",\"expectedVersion\":0}")
                .getString("id");
        visit("approvals.xhtml", "Time left", "a11y-approvals-pending");
        visit("approvals.xhtml?id=" + approval, "What it would do now", "a11y-approval-pending");
        assertEquals(List.of(), problems);
    }

    @Test
    void theSubscriptionPageInErrorAndCreatedWithItsSecret() {
        String owner = deadLetterFixture();
        browser.open("subscription.xhtml?credential=" + owner);
        browser.awaitText("New subscription");
        browser.type("subscription:url", WebhookReceiver.get().url("a11y-new-" + UUID.randomUUID(), null));
        browser.click("subscription:create");
        browser.awaitText("There is a problem");
        problems.addAll(Accessibility.problems(browser, "a11y-subscription-errors"));

        browser.type("subscription:events", "webhook.test");
        browser.click("subscription:create");
        browser.awaitText("Signing secret: shown once");
        problems.addAll(Accessibility.problems(browser, "a11y-subscription-created"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theCredentialPagesEmptyInErrorCreatedAndConfirming() {
        visit("credential.xhtml", "New credential", "a11y-credential-new");
        browser.type("credential:ipAllowlist", "not-an-address");
        browser.click("credential:create");
        browser.awaitText("Line 1:");
        problems.addAll(Accessibility.problems(browser, "a11y-credential-errors"));

        browser.open("credential.xhtml");
        browser.type("credential:name", "a11y-" + UUID.randomUUID().toString().substring(0, 8));
        browser.type("credential:owner", "accessibility test");
        browser.type("credential:ttlDays", "30");
        browser.click("credential:create");
        browser.awaitText("Client secret: shown once");
        problems.addAll(Accessibility.problems(browser, "a11y-credential-created"));

        browser.click("actions:revoke");
        browser.awaitText("Revoke this credential?");
        problems.addAll(Accessibility.problems(browser, "a11y-credential-confirm-revoke"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theCredentialPageWithMcpSessionsAndConfirmingAnEnd() {
        JsonObject credential = Api.createCredential(
                "{\"name\":\"a11y-mcp-" + UUID.randomUUID() + "\",\"owner\":\"it\",\"scopes\":[\"products:read\"]}");
        ConsoleMcpSessionsIT.session("a11y-client", bearer(Api.tokenFor(credential)));
        visit("credential.xhtml?id=" + credential.getString("id"), "a11y-client", "a11y-credential-mcp-sessions");
        browser.click("sessions:sessionTable:0:end");
        browser.awaitText("End this MCP session?");
        problems.addAll(Accessibility.problems(browser, "a11y-credential-mcp-confirm-end"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theAgentPagesInErrorRegisteredAndConfirmingADelete() {
        browser.open("agent.xhtml");
        browser.awaitText("Register an agent");
        browser.type("agent:slug", "Not A Slug");
        browser.type("agent:allow", "no-such-tool");
        browser.click("agent:create");
        browser.awaitText("There is a problem");
        problems.addAll(Accessibility.problems(browser, "a11y-agent-errors"));

        String slug = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("agent:slug", slug);
        browser.type("agent:label", "Accessibility agent");
        browser.type("agent:allow", "workspace");
        browser.type("agent:actions", "workspace.read = preview");
        browser.click("agent:create");
        browser.awaitText("Agent " + slug + " registered.");
        problems.addAll(Accessibility.problems(browser, "a11y-agent-registered"));

        browser.click("actions:delete");
        browser.awaitText("Delete this agent with its memory and its sessions?");
        problems.addAll(Accessibility.problems(browser, "a11y-agent-confirm-delete"));
        browser.click("actions:deleteConfirmed");
        browser.awaitText("Agent " + slug + " deleted");
        assertEquals(List.of(), problems);
    }

    private void visit(String page, String text, String name) {
        browser.open(page);
        browser.awaitText(text);
        problems.addAll(Accessibility.problems(browser, name));
    }

    /** A credential with a subscription its receiver disabled (410) and so one dead letter; its id. */
    private static String deadLetterFixture() {
        JsonObject owner = Api.createCredential("{\"name\":\"a11y-hooks-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\"],"
                + "\"eventInterests\":[\"webhook.test\"]}");
        String[] auth = bearer(Api.tokenFor(owner));
        String id = json(postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\""
                                + WebhookReceiver.get().url("a11y-" + UUID.randomUUID(), "status=410")
                                + "\",\"events\":[\"webhook.*\"]}",
                        auth))
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);
        Eventually.await(
                "the dead letter of " + id,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/dlq?subscriptionId=" + id, auth)),
                page -> page.getInt("count") == 1);
        return owner.getString("id");
    }
}
