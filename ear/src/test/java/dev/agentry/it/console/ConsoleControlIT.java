package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Control;
import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The console's governed-writes pages in a real browser: an approval under dual control is approved by
 * two different administrators, each as themselves — the same administrator twice counts once — with
 * what the action would do shown beside its input; and the policies and executions pages are there
 * behind the sign-in. A decision answers with a redirect (Post/Redirect/Get): a reload does not decide again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleControlIT {

    @Test
    void twoAdministratorsApproveADualControlRequestAndOneTwiceCountsOnce() {
        HttpResponse<String> policy = postJson(
                "api/v1/control/policies",
                "{\"pattern\":\"entry.delete\",\"approvers\":2,\"risk\":\"high\"}",
                asBootstrap());
        assertTrue(policy.statusCode() == 201 || policy.statusCode() == 409, policy.body());
        String[] requester = bearer(tokenFor(createCredential("{\"name\":\"console-requester-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"control:approvals:request\",\"entries:read\"]}")));
        String input = "{\"id\":\"" + UUID.randomUUID() + "\",\"expectedVersion\":0}";
        JsonObject asked = Control.request(requester, "entry.delete", input);
        assertEquals(2, asked.getInt("approversRequired"), asked::toString);
        String approvalId = asked.getString("id");
        String second = "approver-" + UUID.randomUUID().toString().substring(0, 8);
        Api.send(
                "POST",
                "api/v1/_probe/admins?username=" + second,
                BodyPublishers.ofString("Second-Password-1"),
                "Content-Type",
                "text/plain");

        try (Browser first = new Browser();
                Browser other = new Browser()) {
            first.signIn("admin", ConsoleIT.PASSWORD);
            first.awaitText("Readiness");
            first.open("approvals.xhtml");
            first.awaitText("Pending");
            assertTrue(first.page().contains("approvals.xhtml?id=" + approvalId), "the pending request is queued");
            first.open("approvals.xhtml?id=" + approvalId);
            assertEquals("0 of 2", first.text("given"));
            // The entry to delete does not exist: the decider is told so beside the input.
            assertTrue(first.text("preview-problem").startsWith("No preview:"), first.text("preview-problem"));
            first.type("decide:comment", "looked at it");
            first.click("decide:approve");
            first.awaitText("1 of 2 approvals");
            first.screenshot("approval-one-of-two");
            // Post/Redirect/Get: a reload shows the decision, it does not decide again (which would be refused).
            first.assertRedirectedAfterPost("approvals.xhtml?id=" + approvalId);
            first.reload();
            first.awaitText("What it would do now");
            assertEquals("1 of 2", first.text("given"));
            assertFalse(first.page().contains("1 of 2 approvals"), "reported once");
            assertFalse(first.page().contains("dual control"), "not decided again");
            // The same administrator again is the same approver; the refused decision keeps its comment.
            first.type("decide:comment", "still fine");
            first.click("decide:approve");
            first.awaitText("dual control needs a different approver");
            first.assertRedirectedAfterPost("approvals.xhtml?id=" + approvalId);
            assertEquals(
                    "still fine",
                    first.driver().findElement(By.id("decide:comment")).getAttribute("value"));
            assertEquals("pending", status(requester, approvalId));

            other.signIn(second, "Second-Password-1");
            other.awaitText("Readiness");
            other.open("approvals.xhtml?id=" + approvalId);
            other.click("decide:approve");
            other.awaitText("2 of 2 approvals");
            other.screenshot("approval-approved");

            JsonObject approved = json(get("api/v1/control/approvals/" + approvalId, requester));
            assertEquals("approved", approved.getString("status"));
            assertEquals(
                    List.of("admin:admin", "admin:" + second),
                    approved.getJsonArray("decisions").getValuesAs(JsonObject.class).stream()
                            .map(d -> d.getString("decider"))
                            .toList());

            first.open("policies.xhtml");
            first.awaitText("entry.delete");
            first.screenshot("policies");
            first.open("executions.xhtml");
            first.awaitText("Executions");
            first.screenshot("executions");
        }
    }

    @Test
    void aPendingApprovalShowsTheRecordBeforeAndAfterBesideItsInputAndWritesNothing() {
        DemoData.await();
        String[] requester = bearer(tokenFor(createCredential("{\"name\":\"console-previewer-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"control:approvals:request\",\"products:read\"]}")));
        JsonObject product = listed(get("api/v1/products?limit=1", requester)).get(0);
        String uid = product.getString("uid");
        long version = product.getJsonNumber("version").longValue();
        String title = "Previewed " + UUID.randomUUID().toString().substring(0, 8);
        String approvalId = Control.request(
                        requester,
                        "product.update",
                        "{\"id\":\"" + uid + "\",\"expectedVersion\":" + version + ",\"title\":\"" + title + "\"}")
                .getString("id");

        try (Browser browser = new Browser()) {
            browser.signIn("admin", ConsoleIT.PASSWORD);
            browser.awaitText("Readiness");
            browser.open("approvals.xhtml?id=" + approvalId);
            browser.awaitText("What it would do now");
            assertTrue(browser.text("input").contains(title), "the input");
            assertTrue(browser.text("preview-before").contains(uid), "the record as it is");
            assertFalse(browser.text("preview-before").contains(title), "before: not yet the new title");
            assertTrue(browser.text("preview-after").contains("\"" + title + "\""), "after: the new title");
            assertTrue(browser.text("preview-patch").contains("\"title\": \"" + title + "\""), "the merge patch");
            browser.screenshot("approval-preview");
        }
        JsonObject now = json(get("api/v1/products/" + uid, requester));
        assertEquals(version, now.getJsonNumber("version").longValue(), "the preview wrote nothing");
        assertEquals("pending", status(requester, approvalId));
    }

    @Test
    void theGovernedWritesPagesNeedASignIn() {
        for (String page : List.of("approvals.xhtml", "policies.xhtml", "executions.xhtml?id=x")) {
            HttpResponse<String> response = get("admin/" + page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/admin/login.xhtml"), page);
        }
    }

    private static String status(String[] caller, String approvalId) {
        return json(get("api/v1/control/approvals/" + approvalId, caller)).getString("status");
    }
}
