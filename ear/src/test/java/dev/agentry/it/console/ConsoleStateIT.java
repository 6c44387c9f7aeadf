package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The console's incidents and lifecycle pages and the dashboard's tiles, in the browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleStateIT {

    private static Browser browser;

    @BeforeAll
    static void signIn() {
        browser = new Browser();
        browser.signIn("admin", ConsoleIT.PASSWORD);
        browser.awaitText("Readiness");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

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
}
