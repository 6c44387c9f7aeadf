package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Browser;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's forms: errors summarised at the top with focus there, "never" only when confirmed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleFormsIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void errorsAreSummarisedAtTheTopByFieldNameWithFocusThereAndLinksToEachField() {
        browser.open("credential.xhtml");
        browser.type("credential:ipAllowlist", "10.0.0.0/8\nnot-an-address");
        browser.click("credential:create");
        browser.awaitText("There is a problem");
        WebElement active = browser.driver().switchTo().activeElement();
        assertEquals("errorSummary", active.getAttribute("id"), "focus moves to the summary");
        String summary = browser.text("errorSummary");
        assertTrue(summary.contains("Name is required"), summary);
        assertTrue(summary.contains("Owner is required"), summary);
        assertTrue(summary.contains("IP allowlist: Line 2:"), summary);
        assertFalse(summary.contains("ipAllowlist"), "human field names only: " + summary);
        WebElement owner = browser.driver().findElement(By.id("credential:owner"));
        assertEquals("true", owner.getAttribute("aria-invalid"));
        assertTrue(owner.getAttribute("aria-describedby").contains("credential:ownerError"));
        assertEquals("true", owner.getAttribute("aria-required"));

        browser.driver()
                .findElement(By.xpath("//div[@id='errorSummary']//a[@data-field='credential:ipAllowlist']"))
                .click();
        assertEquals(
                "credential:ipAllowlist",
                browser.driver().switchTo().activeElement().getAttribute("id"),
                "a summary link moves focus to its field");
    }

    @Test
    void neverExpiringIsAnExplicitChoiceThatNeedsAConfirmationAndAReason() {
        String name = "never-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("credential.xhtml");
        browser.type("credential:name", name);
        browser.type("credential:owner", "forms test");
        browser.driver()
                .findElement(By.xpath("//input[@type='radio' and @value='never']"))
                .click();
        browser.click("credential:create");
        browser.awaitText("There is a problem");
        String summary = browser.text("errorSummary");
        assertTrue(summary.contains("Confirm that this credential never expires"), summary);
        assertTrue(summary.contains("Say why"), summary);
        assertFalse(get("api/v1/credentials", asBootstrap()).body().contains(name), "nothing created unconfirmed");

        browser.driver().findElement(By.id("credential:neverConfirmed")).click();
        browser.type("credential:neverReason", "a legacy batch that cannot rotate");
        browser.click("credential:create");
        browser.awaitText("Client secret: shown once");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("credential.xhtml?id="), "at its own address: " + url);
        JsonObject created = json(get("api/v1/credentials/" + url.substring(url.indexOf("id=") + 3), asBootstrap()));
        assertTrue(!created.containsKey("expiresAt") || created.isNull("expiresAt"), created.toString());
        assertTrue(created.getString("description").contains("Never expires: a legacy batch"), created.toString());

        // The secret was shown once; a reload of that address does not show it again.
        String secret = browser.text("clientSecret");
        browser.driver().navigate().refresh();
        browser.awaitText(name);
        assertFalse(browser.page().contains(secret), "shown once");
    }
}
