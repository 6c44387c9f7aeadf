package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Webhooks in the console: a replay reports exactly what the core did, refusals included, and the
 * action answers with a redirect, so reloading the page shows it again without replaying again. The queue
 * is narrowed to a subscription chosen by its name, and says how much of it a page shows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleWebhooksIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    private final JsonObject owner = Api.createCredential("{\"name\":\"console-hooks-" + UUID.randomUUID()
            + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\",\"tags:read\"],"
            + "\"eventInterests\":[\"tag.*\",\"webhook.test\"]}");
    private final String[] auth = bearer(Api.tokenFor(owner));

    @Test
    void aBulkReplayReportsTheRefusalOfADisabledSubscriptionAndAReloadDoesNotReplayAgain() {
        String disabled = goneSubscription("console-refused-" + UUID.randomUUID());
        String enabled = goneSubscription("console-reenabled-" + UUID.randomUUID());
        HttpResponse<String> patched = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + enabled,
                BodyPublishers.ofString("{\"url\":\"" + RECEIVER.url("console-accepting-" + UUID.randomUUID(), null)
                        + "\",\"status\":\"active\"}"),
                Api.with(auth, "Content-Type", "application/json"));
        assertEquals(200, patched.statusCode(), patched.body());

        browser.open("webhooks.xhtml?credential=" + owner.getString("id"));
        browser.awaitText("Dead-letter queue");
        for (WebElement pick : browser.driver()
                .findElements(By.xpath("//table[@id='webhooks:deadLetters']//input[@type='checkbox']"))) {
            pick.click();
        }
        browser.screenshot("webhooks-replay-selected");
        browser.click("webhooks:replaySelected");
        browser.awaitText("1 replayed, 1 refused: subscription disabled");
        browser.screenshot("webhooks-replay-reported");
        String after = browser.driver().getCurrentUrl();
        assertTrue(after.contains("credential=" + owner.getString("id")), "redirected back to the same view: " + after);

        browser.driver().navigate().refresh();
        browser.awaitText("Dead-letter queue");
        assertFalse(browser.page().contains("1 replayed"), "a reload shows the page, it does not replay again");
        assertEquals(1, replays(enabled), "replayed once");
        assertEquals(0, replays(disabled), "refused, never replayed");
        assertEquals("dead", newestDelivery(disabled).getString("status"), "nothing left pending that never goes");

        // Only the refused one is left dead: replaying it alone is refused as a whole, saying why.
        browser.click("webhooks:deadLetters:0:replay");
        browser.awaitText("Nothing was replayed: 0 replayed, 1 refused: subscription disabled");
    }

    @Test
    void theQueueAcrossEveryCredentialFiltersAndASubscriptionIsEnabledWithATestAndDeletedAfterAConfirmation() {
        String gone = goneSubscription("console-queue-" + UUID.randomUUID());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.open("webhooks.xhtml?type=webhook.test&since=" + today);
        browser.awaitText("Dead-letter queue");
        assertTrue(browser.text("webhooks:deadLetters").contains(gone), "across every credential, filtered");
        browser.screenshot("webhooks-queue-across");
        browser.open("webhooks.xhtml?type=tag.created&since=" + today);
        browser.awaitText("Dead-letter queue");
        // The subscription is still offered in the filter form's chooser; the queue has none of its letters.
        assertTrue(
                browser.driver().findElements(By.id("webhooks:deadLetters")).stream()
                        .noneMatch(queue -> queue.getText().contains(gone)),
                "the event type filter");

        // Its receiver fixed (a new URL, still disabled), it is enabled in the console, with a test event.
        String accepting = "console-fixed-" + UUID.randomUUID();
        HttpResponse<String> fixed = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + gone,
                BodyPublishers.ofString("{\"url\":\"" + RECEIVER.url(accepting, null) + "\"}"),
                Api.with(auth, "Content-Type", "application/json"));
        assertEquals(200, fixed.statusCode(), fixed.body());
        browser.open("webhooks.xhtml?credential=" + owner.getString("id"));
        browser.click("webhooks:subscriptions:0:enable");
        browser.awaitText("Subscription enabled; test event msg_");
        assertEquals(
                "active",
                json(get("api/v1/webhooks/subscriptions/" + gone, auth)).getString("status"));
        assertFalse(RECEIVER.await(accepting, d -> !d.isEmpty()).isEmpty(), "the test event sent on enabling");

        browser.click("webhooks:subscriptions:0:delete");
        browser.awaitText("Delete this subscription");
        assertEquals(200, get("api/v1/webhooks/subscriptions/" + gone, auth).statusCode(), "not before confirming");
        browser.click("webhooks:subscriptions:0:deleteConfirmed");
        browser.awaitText("Subscription deleted");
        assertEquals(404, get("api/v1/webhooks/subscriptions/" + gone, auth).statusCode());
    }

    @Test
    void theQueueIsNarrowedToASubscriptionChosenByNameAndSaysHowMuchOfItItShows() {
        String gone = goneSubscription("console-paged-" + UUID.randomUUID());
        String name = "paged receiver " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> described = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + gone,
                BodyPublishers.ofString("{\"description\":\"" + name + "\"}"),
                Api.with(auth, "Content-Type", "application/json"));
        assertEquals(200, described.statusCode(), described.body());
        HttpResponse<String> added = Api.send(
                "POST",
                "api/v1/_probe/webhooks/dead-letters?subscription=" + gone + "&count=101",
                BodyPublishers.noBody());
        assertEquals(200, added.statusCode(), added.body());

        // Chosen by its name in the filter form (the queue across every credential), not typed as an id.
        browser.open("webhooks.xhtml");
        browser.awaitText("Dead-letter queue");
        Select chooser = new Select(browser.driver().findElement(By.id("subscription")));
        WebElement option = chooser.getOptions().stream()
                .filter(o -> o.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the subscription is offered by its name"));
        assertTrue(option.getText().contains(owner.getString("name")), "with its credential: " + option.getText());
        chooser.selectByValue(gone);
        browser.click("chooseButton");
        browser.awaitText("Showing the oldest 100 of 102 dead letters these filters select");
        assertTrue(
                browser.driver().getCurrentUrl().contains("subscription=" + gone),
                browser.driver().getCurrentUrl());
        assertEquals(100, rows(), "a page of the queue");
        assertTrue(browser.text("webhooks:deadLetters").contains(name), "rows name their subscription");
        browser.screenshot("webhooks-queue-paged");

        browser.click("nextPage");
        browser.awaitText("Showing 2 more of the 102 dead letters");
        assertEquals(2, rows(), "the rest");
        browser.click("firstPage");
        browser.awaitText("Showing the oldest 100 of 102");

        // The filter form carries the chosen subscription: another filter keeps it.
        assertEquals(
                gone,
                new Select(browser.driver().findElement(By.id("subscription")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        browser.type("type", "probe.paged");
        browser.click("chooseButton");
        browser.awaitText("Showing the oldest 100 of 101 dead letters");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("subscription=" + gone) && url.contains("type=probe.paged"), url);

        // A subscription that is not the chosen credential's (another credential chosen since) is dropped,
        // saying so, not answered with "not found".
        browser.open("webhooks.xhtml?credential=" + owner.getString("id") + "&subscription=" + UUID.randomUUID());
        browser.awaitText("is not one of this credential's: showing all of its dead letters");
        assertTrue(browser.text("webhooks:deadLetters").contains(gone), "all of its dead letters");

        assertEquals(
                204,
                Api.send("DELETE", "api/v1/webhooks/subscriptions/" + gone, BodyPublishers.noBody(), auth)
                        .statusCode());
    }

    private int rows() {
        return browser.driver()
                .findElements(By.xpath("//table[@id='webhooks:deadLetters']/tbody/tr"))
                .size();
    }

    @Test
    void aSubscriptionIsCreatedUnderTheAPIsRulesEditedAndItsSecretRotatedShownOnceEachTime() {
        String credential = owner.getString("id");
        browser.open("webhooks.xhtml?credential=" + credential);
        browser.click("webhooks:newSubscription");
        browser.awaitText("New subscription");
        browser.type("subscription:url", RECEIVER.url("console-created-" + UUID.randomUUID(), null));
        browser.type("subscription:events", "order.*");
        browser.click("subscription:create");
        browser.awaitText("Event type 1:");
        assertTrue(browser.text("errorSummary").contains("selects no event type"), "its scopes hold no orders:read");

        browser.type("subscription:events", "tag.*\nwebhook.test");
        browser.type("subscription:description", "made in the console");
        browser.click("subscription:create");
        browser.awaitText("Signing secret: shown once");
        String secret = browser.text("signingSecret").strip();
        assertTrue(secret.startsWith("whsec_"), "the secret is shown");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("id="), "the subscription at its own address: " + url);
        String id = url.substring(url.indexOf("id=") + 3);
        JsonObject created = json(get("api/v1/webhooks/subscriptions/" + id, auth));
        assertEquals(
                "[\"tag.*\",\"webhook.test\"]", created.getJsonArray("events").toString());
        assertEquals("active", created.getString("status"));
        browser.screenshot("subscription-created");

        browser.driver().navigate().refresh();
        browser.awaitText("Owning credential");
        assertFalse(browser.page().contains(secret), "shown once: a reload no longer shows it");

        browser.driver().findElement(By.id("subscription:enabled")).click();
        browser.type("subscription:description", "paused in the console");
        browser.click("subscription:save");
        browser.awaitText("Subscription saved.");
        JsonObject saved = json(get("api/v1/webhooks/subscriptions/" + id, auth));
        assertEquals("disabled", saved.getString("status"));
        assertEquals("paused in the console", saved.getString("description"));

        browser.click("actions:rotate");
        browser.awaitText("Signing secret rotated");
        String rotated = browser.text("signingSecret").strip();
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(secret), "a new secret, shown once");
        assertFalse(
                json(get("api/v1/webhooks/subscriptions/" + id, auth)).isNull("previousSecretValidUntil"),
                "the old one signs for the overlap");
    }

    private String goneSubscription(String name) {
        return goneSubscription(name, auth);
    }

    /** A subscription of the credential whose receiver answered 410: disabled, with one dead letter. */
    static String goneSubscription(String name, String[] auth) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(name, "status=410") + "\",\"events\":[\"tag.*\"]}",
                auth);
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).getJsonObject("subscription").getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);
        Eventually.await(
                "the 410 that disables " + id,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/subscriptions/" + id, auth)),
                s -> s.getString("status").equals("disabled"));
        Eventually.await(
                "the dead letter of " + id,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/dlq?subscriptionId=" + id, auth)),
                page -> page.getInt("count") == 1);
        return id;
    }

    private int replays(String subscription) {
        return json(get("api/v1/webhooks/dlq?subscriptionId=" + subscription, auth))
                .getJsonArray("data")
                .getJsonObject(0)
                .getInt("replayCount");
    }

    private JsonObject newestDelivery(String subscription) {
        return json(get("api/v1/webhooks/subscriptions/" + subscription + "/deliveries", auth))
                .getJsonArray("data")
                .getJsonObject(0);
    }
}
