package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Api.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The admin console in a real browser (Debian's headless chromium): sign-in with lockout, credentials
 * created, changed and read back through the API, CSRF and the redirect of anonymous requests, and
 * screenshots of the main pages under {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    /** The first administrator's password, given to the test server as AGENTRY_ADMIN_PASSWORD. */
    static final String PASSWORD = "it-Admin-Password-42";

    private static Browser browser;

    @BeforeAll
    static void signIn() {
        browser = new Browser();
        browser.signIn("admin", PASSWORD);
        browser.awaitText("Readiness");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void anAnonymousRequestForAnyPageIsSentToTheLoginPage() {
        for (String page : List.of(
                "",
                "index.xhtml",
                "credentials.xhtml",
                "credential.xhtml?id=x",
                "audit.xhtml",
                "webhooks.xhtml",
                "runs.xhtml",
                "run.xhtml?id=x",
                "artifacts/run_x.zip")) {
            HttpResponse<String> response = get("admin/" + page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/admin/login.xhtml"), page);
        }
        HttpResponse<String> login = get("admin/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("<h1>Agentry console</h1>"), "rendered by Faces from the message bundle");
        assertFalse(login.body().contains("#{"), "no unrendered expressions");
        assertFalse(login.body().contains("xmlns:h="), "the Facelets source is rendered, not served");
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() throws IOException {
        String name = "locksmith-" + UUID.randomUUID().toString().substring(0, 8);
        Api.send(
                "POST",
                "api/v1/_probe/admins?username=" + name,
                BodyPublishers.ofString("Right-Password-1"),
                "Content-Type",
                "text/plain");
        try (Browser other = new Browser()) {
            other.signIn(name, "wrong");
            other.awaitText("The username or password is not right.");
            other.screenshot("login-refused");
            for (int i = 0; i < 4; i++) {
                other.signIn(name, "wrong-" + i);
            }
            other.awaitText("this account is locked");
            other.signIn(name, "Right-Password-1");
            other.awaitText("this account is locked");
            assertFalse(other.page().contains("Readiness"), "a locked account does not get in, even with its password");
        }
        Eventually.await(
                "the lockout's audit record",
                Duration.ofSeconds(15),
                () -> get("api/v1/audit?action=admin.login&outcome=denied&limit=500", asBootstrap())
                        .body(),
                body -> body.contains("account_locked") && body.contains(name));
        Path log = Path.of(System.getProperty("it.server-dir"), "log", "server.log");
        if (Files.exists(log)) {
            String written = Files.readString(log);
            assertFalse(written.contains(PASSWORD) || written.contains("Right-Password-1"), "no password in the log");
        }
    }

    @Test
    void aCredentialCreatedInTheConsoleShowsItsSecretOnceAndWorksWithTheApi() {
        browser.open("credentials.xhtml");
        browser.click("newCredential");
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("credential:name", name);
        browser.type("credential:owner", "console test");
        browser.driver()
                .findElement(By.xpath("//input[@type='checkbox' and @value='changes:read']"))
                .click();
        browser.driver()
                .findElement(By.xpath("//input[@type='checkbox' and @value='entries:read']"))
                .click();
        browser.type("credential:ttlDays", "30");
        browser.type("credential:ipAllowlist", "127.0.0.1/32\n::1/128");
        browser.screenshot("credential-create");
        browser.click("credential:create");
        browser.awaitText("Client secret: shown once");
        browser.screenshot("credential-secret-once");

        String clientId = browser.text("clientId");
        String secret = browser.text("clientSecret");
        assertTrue(secret.startsWith("agy_"), secret);
        String token = Api.token(clientId, secret, null);
        JsonObject whoami = json(get("api/v1/auth/whoami", bearer(token)));
        assertEquals(
                List.of("changes:read", "entries:read"),
                whoami.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .sorted()
                        .toList());
        String id = whoami.getString("credentialId");
        JsonObject viaApi = json(get("api/v1/credentials/" + id, asBootstrap()));
        assertEquals(name, viaApi.getString("name"));
        assertEquals(
                List.of("127.0.0.1/32", "0:0:0:0:0:0:0:1/128"),
                viaApi.getJsonArray("ipAllowlist").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertFalse(viaApi.isNull("expiresAt"), "a 30-day lifetime");

        browser.open("credential.xhtml?id=" + id);
        assertFalse(browser.page().contains(secret), "the secret is never shown again");
        browser.screenshot("credential-detail");
        browser.open("credentials.xhtml");
        browser.type("credentials:query", name);
        browser.click("credentials:apply");
        browser.awaitText(name);
        browser.screenshot("credentials-list");

        // Sorting by a column header, and again for the reverse order.
        browser.type("credentials:query", "");
        browser.click("credentials:apply");
        browser.click("credentials:list:byName");
        List<String> descending = names();
        assertEquals(
                descending.stream()
                        .sorted(String.CASE_INSENSITIVE_ORDER.reversed())
                        .toList(),
                descending);
        browser.click("credentials:list:byName");
        List<String> ascending = names();
        assertEquals(ascending.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), ascending);
        assertTrue(ascending.size() > 1, "more than one credential listed: " + ascending);
    }

    @Test
    void aBadCidrIsRefusedNamingItsLineAndNothingIsCreated() {
        browser.open("credential.xhtml");
        String name = "bad-cidr-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("credential:name", name);
        browser.type("credential:owner", "console test");
        browser.type("credential:ipAllowlist", "10.0.0.0/8\n\nnot-an-address\n10.1.0.0/33");
        browser.click("credential:create");
        browser.awaitText("Line 3:");
        String errors = browser.text("credential:allowlistErrors");
        assertTrue(errors.contains("Line 3:") && errors.contains("Line 4:"), errors);
        assertFalse(errors.contains("Line 1:"), errors);
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView()", browser.driver().findElement(By.id("credential:ipAllowlist")));
        browser.screenshot("credential-bad-cidr");
        assertFalse(get("api/v1/credentials", asBootstrap()).body().contains(name), "nothing was created");
    }

    @Test
    void pauseRevokeAndRotateInTheConsoleTakeEffectInTheApi() {
        JsonObject credential = createCredential("{\"name\":\"console-lifecycle\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String clientId = credential.getString("clientId");
        String[] token = bearer(tokenFor(credential));
        browser.open("credential.xhtml?id=" + id);

        browser.click("actions:pause");
        browser.awaitText("Credential paused.");
        assertProblem(get("api/v1/auth/whoami", token), 403, "credential_paused");
        browser.click("actions:resume");
        browser.awaitText("Credential resumed.");
        assertEquals(200, get("api/v1/auth/whoami", token).statusCode());

        browser.click("actions:rotate");
        browser.awaitText("Client secret: shown once");
        String rotated = browser.text("clientSecret");
        assertEquals(200, tokenRequest(clientId, rotated, null).statusCode(), "the new secret works");
        assertEquals(
                200,
                tokenRequest(clientId, credential.getString("clientSecret"), null)
                        .statusCode(),
                "the old one works through the overlap");
        browser.screenshot("credential-rotated");

        browser.click("actions:revoke");
        browser.awaitText("Revoke this credential?");
        assertEquals(
                "active",
                json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"),
                "not before the confirmation");
        browser.click("actions:revokeConfirmed");
        browser.awaitText("Credential revoked.");
        assertProblem(get("api/v1/auth/whoami", token), 403, "credential_revoked");
        // Records are listed once the chainer has linked them, within a second or so.
        Eventually.await(
                "the revocation's audit record, with the administrator as the actor",
                Duration.ofSeconds(15),
                () -> json(get("api/v1/audit?action=credential.revoke&limit=500", asBootstrap()))
                        .getJsonArray("data"),
                records -> records.stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(r -> id.equals(r.getString("target", null))
                                && "admin".equals(r.getString("actorKind", null))
                                && "admin".equals(r.getString("actorId", null))));
    }

    @Test
    void aForgedPostChangesNothing() {
        JsonObject credential = createCredential("{\"name\":\"csrf-target\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String page = "admin/credential.xhtml?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        browser.open("credential.xhtml?id=" + id);
        String viewState = browser.driver()
                .findElement(By.xpath("//form[@id='actions']//input[@name='jakarta.faces.ViewState']"))
                .getAttribute("value");
        String cookie = "JSESSIONID=" + browser.cookie("JSESSIONID");
        // One click: pausing needs no confirmation, so a forged pause would take effect at once.
        String pause = "actions=actions&actions%3Apause=Pause";
        String state = "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        String form = "application/x-www-form-urlencoded";

        // The admin's session, but no view state: Faces runs no action.
        HttpResponse<String> withoutState =
                Api.send("POST", page, BodyPublishers.ofString(pause), "Cookie", cookie, "Content-Type", form);
        assertTrue(withoutState.statusCode() < 500, "no server error: " + withoutState.statusCode());
        assertEquals(
                "active", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));

        // Even with the view state, from another site: refused before Faces sees it.
        HttpResponse<String> crossSite = Api.send(
                "POST",
                page,
                BodyPublishers.ofString(pause + state),
                "Cookie",
                cookie,
                "Origin",
                "https://evil.example",
                "Content-Type",
                form);
        assertEquals(403, crossSite.statusCode());
        assertEquals(
                "active", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));

        // The control: the same request with the view state from the console itself does pause it, so
        // what stopped the two above was the missing state and the foreign origin, not the form.
        HttpResponse<String> genuine =
                Api.send("POST", page, BodyPublishers.ofString(pause + state), "Cookie", cookie, "Content-Type", form);
        assertTrue(genuine.statusCode() < 400, "the console's own post: " + genuine.statusCode());
        assertEquals(
                "paused", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));
    }

    /** The names in the credentials list as shown, first column, top to bottom. */
    private static List<String> names() {
        return browser.driver().findElements(By.xpath("//table[@id='credentials:list']/tbody/tr/td[1]")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }

    @Test
    void theMainPagesRenderAndAreCapturedForReview() {
        String runId = Runs.start(Runs.task(
                        "demo",
                        "[\"workspace.write\"]",
                        "[\"check-greeting\"]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"src/app.txt\","
                                + "\"content\":\"line one\\nfixed\\n\"}}],\"final\":\"Fixed it.\"}]"))
                .getString("id");
        Runs.awaitEnd(runId);

        browser.open("index.xhtml");
        browser.awaitText("Runs by status");
        browser.screenshot("dashboard");
        browser.open("audit.xhtml");
        browser.click("audit:verify");
        browser.awaitText("The chain is intact");
        browser.screenshot("audit");
        browser.open("webhooks.xhtml");
        browser.awaitText("Dead-letter queue");
        browser.screenshot("webhooks");
        browser.open("runs.xhtml");
        browser.awaitText(runId);
        browser.screenshot("runs");
        browser.open("run.xhtml?id=" + runId);
        browser.awaitText("+fixed");
        assertTrue(browser.text("verification").contains("valid"));
        assertTrue(browser.page().contains("src/app.txt"));
        browser.screenshot("run");

        browser.click("signOut:signOutButton");
        browser.awaitText("You are signed out.");
        browser.open("index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), "signed out means signed out");
        browser.signIn("admin", PASSWORD);
        browser.awaitText("Readiness");
    }
}
