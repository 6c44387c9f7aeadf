package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's incidents and lifecycle pages and the dashboard's tiles, in the browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleStateIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void anIncidentIsListedWithItsAdviceAndHistoryAndARiskLeadsToItsCredential() {
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject noisy = createCredential("{\"name\":\"" + name + "\",\"owner\":\"it\",\"scopes\":[\"tags:read\"]}");
        String[] token = bearer(Api.tokenFor(noisy));
        for (int i = 0; i < 10; i++) {
            assertProblem(get("api/v1/credentials", token), 403, "scope_denied");
        }

        browser.open("index.xhtml");
        browser.awaitText("Open incidents");
        browser.screenshot("dashboard-state");

        browser.open("incidents.xhtml");
        browser.awaitText(noisy.getString("id"));
        assertTrue(browser.page().contains("Compare the client"), "the advice is shown");
        browser.screenshot("incidents");
        browser.driver()
                .findElement(By.xpath("//tr[td[contains(., '" + noisy.getString("id") + "')]]//a"))
                .click();
        browser.awaitText("History");
        assertTrue(browser.text("changes").contains("open"), browser.text("changes"));

        browser.open("lifecycle.xhtml");
        browser.awaitText(name);
        browser.screenshot("lifecycle");
        browser.driver().findElement(By.linkText(name)).click();
        browser.awaitText(noisy.getString("clientId"));
    }

    @Test
    void theDashboardShowsTheClusterNodesAndTheDutiesTheyHold() {
        String self = Api.send("GET", "api/v1/_probe/cluster/node", BodyPublishers.noBody())
                .body();
        try {
            member("node-b", 3600);
            member("node-c", -3600);

            browser.open("index.xhtml");
            browser.awaitText("Cluster");
            String tile = browser.text("cluster");
            assertTrue(tile.contains(self + " (this node)"), tile);
            assertTrue(tile.contains("JOB_SCHEDULES"), "this node fires the schedules: " + tile);
            assertTrue(tile.matches("(?s).*ALIVE\\s+node-b.*"), tile);
            assertTrue(tile.matches("(?s).*GONE\\s+node-c.*"), tile);
        } finally {
            Api.send("DELETE", "api/v1/_probe/cluster/members/node-b", BodyPublishers.noBody());
            Api.send("DELETE", "api/v1/_probe/cluster/members/node-c", BodyPublishers.noBody());
        }
    }

    private static void member(String node, long seenSecondsFromNow) {
        assertEquals(
                204,
                Api.send(
                                "PUT",
                                "api/v1/_probe/cluster/members/" + node + "?seconds=" + seenSecondsFromNow,
                                BodyPublishers.noBody())
                        .statusCode());
    }

    @Test
    void aStarterPackFillsTheCreateFormAndTheAdminsOwnChoicesWin() {
        browser.open("credential.xhtml");
        browser.type("credential:name", "packed-" + UUID.randomUUID().toString().substring(0, 8));
        browser.type("credential:owner", "console test");
        browser.driver()
                .findElement(By.cssSelector("input[name='credential:lifetime'][value='custom']"))
                .click();
        browser.type("credential:ttlDays", "10");
        new Select(browser.driver().findElement(By.id("credential:starterPack"))).selectByValue("auditor");
        browser.click("credential:applyStarterPack");
        assertTrue(browser.text("credential:packAllowlistHint").contains("the compliance team"));
        assertTrue(scopeBox("incidents:read").isSelected());
        assertTrue(scopeBox("audit:read").isSelected());
        assertTrue(scopeBox("lifecycle:read").isSelected());
        assertFalse(scopeBox("tags:read").isSelected());
        assertEquals(
                "10", browser.driver().findElement(By.id("credential:ttlDays")).getAttribute("value"));
        assertEquals(
                "7",
                browser.driver().findElement(By.id("credential:reminderDays")).getAttribute("value"));
        browser.screenshot("credential-starter-pack");

        // An explicit choice after the pack wins too: the admin drops one of its scopes.
        scopeBox("lifecycle:read").click();
        browser.type("credential:ipAllowlist", "127.0.0.1/32");
        browser.click("credential:create");
        browser.awaitText("Client secret: shown once");

        String token = Api.token(browser.text("clientId"), browser.text("clientSecret"), null);
        JsonObject whoami = json(get("api/v1/auth/whoami", bearer(token)));
        assertEquals(
                List.of("audit:read", "incidents:read"),
                whoami.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .sorted()
                        .toList());
        JsonObject created = json(get("api/v1/credentials/" + whoami.getString("credentialId"), asBootstrap()));
        assertEquals(7, created.getInt("reminderDays"), created.toString());
        Instant expires = Instant.parse(created.getString("expiresAt"));
        assertTrue(
                expires.isAfter(Instant.now().plus(Duration.ofDays(9)))
                        && expires.isBefore(Instant.now().plus(Duration.ofDays(11))),
                created.toString());
    }

    private WebElement scopeBox(String scope) {
        return browser.driver().findElement(By.xpath("//input[@type='checkbox' and @value='" + scope + "']"));
    }
}
