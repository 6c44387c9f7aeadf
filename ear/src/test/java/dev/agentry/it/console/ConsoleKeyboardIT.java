package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console with the keyboard alone: no clicks, only Tab, Enter, Space and typing, each step
 * counted, so a control buried 50 Tabs deep fails the test. After every action the reader is at its report
 * (focus moved there once the Post/Redirect/Get lands), and goes on from there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleKeyboardIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void aCredentialIsCreatedPausedAndRevokedWithTheKeyboardAlone() {
        browser.open("credentials.xhtml");
        skipToContent();
        tabTo("newCredential", 2);
        pressAndLoad(Keys.ENTER);

        browser.awaitText("New credential");
        String name = "keyboard-" + UUID.randomUUID().toString().substring(0, 8);
        skipToContent();
        tabTo("credential:name", 3);
        active().sendKeys(name);
        tabTo("credential:owner", 2);
        active().sendKeys("keyboard test");
        // Enter in a text field submits the form with its first button, Create credential.
        pressAndLoad(Keys.ENTER);
        browser.awaitText("Client secret: shown once");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("credential.xhtml?id="), "the new credential at its own address: " + url);
        String id = url.substring(url.indexOf("id=") + 3);
        // After the redirect the reader is at what the action reported, not back at the top of the page.
        assertReported("Credential created.");

        tabTo("actions:pause", 4);
        pressAndLoad(Keys.SPACE);
        browser.awaitText("Credential paused.");
        assertReported("Credential paused.");
        assertEquals("paused", status(id));

        tabTo("actions:revoke", 4);
        pressAndLoad(Keys.ENTER);
        browser.awaitText("Revoke this credential?");
        assertEquals("actions:confirmRevoke", active().getAttribute("id"), "focus on the question, not at the top");
        tabTo("actions:revokeConfirmed", 2);
        pressAndLoad(Keys.ENTER);
        browser.awaitText("Credential revoked.");
        assertReported("Credential revoked.");
        assertEquals("revoked", status(id));
    }

    @Test
    void aDeadLetterIsReplayedWithTheKeyboardAlone() {
        JsonObject owner = Api.createCredential("{\"name\":\"keyboard-hooks-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\",\"tags:read\"],"
                + "\"eventInterests\":[\"tag.*\",\"webhook.test\"]}");
        String[] auth = Api.bearer(Api.tokenFor(owner));
        String subscription = ConsoleWebhooksIT.goneSubscription("keyboard-gone-" + UUID.randomUUID(), auth);
        HttpResponse<String> fixed = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + subscription,
                BodyPublishers.ofString("{\"url\":\""
                        + WebhookReceiver.get().url("keyboard-fixed-" + UUID.randomUUID(), null)
                        + "\",\"status\":\"active\"}"),
                Api.with(auth, "Content-Type", "application/json"));
        assertEquals(200, fixed.statusCode(), fixed.body());

        browser.open("webhooks.xhtml?credential=" + owner.getString("id") + "&subscription=" + subscription);
        browser.awaitText("Dead-letter queue");
        skipToContent();
        // Past the filters (now with the subscription chooser), the subscription's row and its deliveries, and
        // in the letter's row its checkbox and the link to its subscription (two stops more than before).
        tabTo("webhooks:deadLetters:0:replay", 20);
        pressAndLoad(Keys.ENTER);
        browser.awaitText("1 replayed");
        assertReported("1 replayed");
        assertEquals(
                1,
                json(get("api/v1/webhooks/dlq?subscriptionId=" + subscription, auth))
                        .getJsonArray("data")
                        .getJsonObject(0)
                        .getInt("replayCount"));
    }

    @Test
    void anActionThatReportsNothingLeavesFocusOnTheControlThatPosted() {
        browser.open("credential.xhtml");
        browser.awaitText("New credential");
        browser.driver()
                .findElement(org.openqa.selenium.By.id("credential:starterPack"))
                .sendKeys(Keys.ARROW_DOWN);
        tabTo("credential:applyStarterPack", 2);
        pressAndLoad(Keys.ENTER);
        assertEquals("credential:applyStarterPack", active().getAttribute("id"), "back where the reader acted");
    }

    /** Focus is on the page's report of what the action did (the live region's messages), which says {@code text}. */
    private void assertReported(String text) {
        WebElement focused = active();
        assertEquals("messages", focused.getAttribute("id"), "focus on the report, not on " + describe(focused));
        assertTrue(focused.getText().contains(text), focused.getText());
    }

    /** The first Tab of a page reaches the skip link; Enter on it puts the reader at the content. */
    private void skipToContent() {
        press(Keys.TAB);
        assertEquals("Skip to content", active().getText(), "the first Tab reaches the skip link");
        press(Keys.ENTER);
    }

    private String status(String id) {
        return json(get("api/v1/credentials/" + id, asBootstrap())).getString("status");
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private void press(CharSequence key) {
        active().sendKeys(key);
    }

    /** Presses a key that loads another page, and waits for it. */
    private void pressAndLoad(CharSequence key) {
        WebDriver driver = browser.driver();
        WebElement before = driver.findElement(org.openqa.selenium.By.tagName("html"));
        press(key);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone -> {
            try {
                before.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(loaded -> "complete".equals(browser.driver().executeScript("return document.readyState")));
    }

    /** Tabs forward until the element {@code id} has focus, at most {@code max} times. */
    private void tabTo(String id, int max) {
        for (int presses = 0; presses <= max; presses++) {
            if (id.equals(active().getAttribute("id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError(id + " is not reached within " + max + " Tabs; focus is on " + describe(active()));
    }

    private String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " '" + element.getText() + "'";
    }
}
