package dev.agentry.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The audit log in the console: newest first, filtered by what the address says, outcomes as recorded, and
 * the filtered range as a CSV download.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAuditIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void aRecordMadeASecondAgoIsOnTheFirstPageByTheNameOfItsTarget() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject credential = Api.createCredential("{\"name\":\"" + name + "\",\"owner\":\"it\"}");
        // Listed once the chainer has linked it, within a second or so; no filter, the first page.
        Eventually.await(
                "the new credential's record on the audit log's first page",
                Duration.ofSeconds(15),
                () -> {
                    browser.open("audit.xhtml");
                    return browser.page();
                },
                text -> text.contains(name));
        browser.driver().findElement(By.linkText(name)).click();
        browser.awaitText(credential.getString("clientId"));

        // More than a page of records, also on a fresh server running this class alone: every API call is one.
        for (int call = 0; call < 55; call++) {
            Api.get("api/v1/credentials?limit=1", Api.asBootstrap());
        }
        Eventually.await(
                "an older page",
                Duration.ofSeconds(15),
                () -> {
                    browser.open("audit.xhtml");
                    return browser.driver().findElements(By.id("older"));
                },
                older -> !older.isEmpty());

        // Newest first: sequences go down the page.
        browser.open("audit.xhtml");
        List<Long> sequences =
                browser.driver().findElements(By.xpath("//table[@id='records']/tbody/tr/td[last()]")).stream()
                        .map(cell -> Long.parseLong(cell.getText().strip()))
                        .toList();
        assertEquals(sequences.stream().sorted((a, b) -> Long.compare(b, a)).toList(), sequences);

        // Older, then newer again, lands on the same first page.
        browser.click("older");
        long oldestOnSecond = Long.parseLong(browser.driver()
                .findElement(By.xpath("//table[@id='records']/tbody/tr[1]/td[last()]"))
                .getText()
                .strip());
        assertTrue(oldestOnSecond < sequences.get(sequences.size() - 1), "the next page is older");
        browser.click("newer");
        assertTrue(browser.text("records").contains(Long.toString(sequences.get(sequences.size() - 1))));
    }

    @Test
    void theFilteredRangeExportsAsCsvNewestFirstWithFormulasDefusedAndTheExportItselfAudited() {
        // A sign-in refused under a name that a spreadsheet would run as a formula: the trail keeps it as typed.
        String tried = "=1+1-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser anonymous = new Browser()) {
            anonymous.signIn(tried, "wrong");
            anonymous.awaitText("The username or password is not right.");
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String query = "from=" + today + "&until=" + today + "&action=admin.login&outcome=denied";
        browser.open("audit.xhtml?" + query);
        String link = browser.driver().findElement(By.id("export")).getAttribute("href");
        assertTrue(link.endsWith("/admin/audit.csv?" + query), "the page's own filters: " + link);

        String cookie = "JSESSIONID=" + browser.cookie("JSESSIONID");
        HttpResponse<String> csv = Eventually.await(
                "the refused sign-in in the export",
                Duration.ofSeconds(15),
                () -> Api.get("admin/audit.csv?" + query, "Cookie", cookie),
                response -> response.body().contains(tried.substring(1)));
        assertEquals(200, csv.statusCode());
        assertTrue(
                csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                csv.headers().toString());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertEquals(
                "sequence,occurredAt,actorKind,actorId,credentialId,address,requestId,action,target,scope,"
                        + "approvalId,outcome,errorCode,durationMs,hash",
                lines.get(0));
        List<String> rows = lines.subList(1, lines.size());
        assertTrue(rows.stream().anyMatch(row -> row.contains(",'" + tried + ",")), "defused: " + rows);
        assertFalse(csv.body().contains("," + tried + ","), "never a bare formula");
        rows.forEach(row -> assertTrue(row.contains(",admin.login,") && row.contains(",denied,"), row));
        List<Long> sequences = rows.stream()
                .map(row -> Long.parseLong(row.substring(0, row.indexOf(','))))
                .toList();
        assertEquals(sequences.stream().sorted((a, b) -> Long.compare(b, a)).toList(), sequences, "newest first");

        // Who took a copy of the trail, and of what, is on the trail. The polls above were exports too, with
        // fewer rows, so the one that found the sign-in is told apart by its count.
        String record = "rows=" + rows.size() + " since=" + today + "T00:00:00Z until=";
        HttpResponse<String> exports = Eventually.await(
                "the export's own record",
                Duration.ofSeconds(15),
                () -> Api.get("admin/audit.csv?action=audit.export&from=" + today, "Cookie", cookie),
                response -> response.body().contains(record));
        assertTrue(exports.body().contains("outcome=denied action=admin.login"), exports.body());

        HttpResponse<String> bad = Api.get("admin/audit.csv?from=yesterday", "Cookie", cookie);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"code\":\"validation_failed\""), bad.body());
    }

    @Test
    void subscriptionAndAgentTargetsAreShownByNameAndLinkToTheirPages() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String[] owner = Api.bearer(Api.tokenFor(Api.createCredential("{\"name\":\"audit-named-" + marker
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"tags:read\"]}")));
        String description = "Audit named " + marker;
        HttpResponse<String> subscribed = Api.postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + WebhookReceiver.get().url("audit-named-" + marker, null)
                        + "\",\"events\":[\"tag.*\"],\"description\":\"" + description + "\"}",
                owner);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        String label = "Audit agent " + marker;
        HttpResponse<String> registered = Api.postJson(
                "api/v1/agents",
                "{\"slug\":\"audit-" + marker + "\",\"label\":\"" + label + "\",\"toolPolicy\":{\"actions\":"
                        + "{\"workspace.read\":\"preview\"}},\"metadata\":{\"owner\":\"it\"}}",
                Api.asBootstrap());
        assertEquals(201, registered.statusCode(), registered.body());

        Eventually.await(
                "the subscription's record by its description",
                Duration.ofSeconds(15),
                () -> {
                    browser.open("audit.xhtml?action=webhook.subscription.create");
                    return browser.page();
                },
                page -> page.contains(description));
        browser.click(idOfLink(description));
        browser.awaitText("Owning credential");
        assertTrue(browser.page().contains("audit-named-" + marker), "the subscription's page");

        Eventually.await(
                "the agent's record by its label",
                Duration.ofSeconds(15),
                () -> {
                    browser.open("audit.xhtml?action=agent.register");
                    return browser.page();
                },
                page -> page.contains(label));
        browser.click(idOfLink(label));
        assertTrue(browser.driver().getCurrentUrl().contains("agent.xhtml?slug=audit-" + marker));
    }

    /** The id of the link that reads {@code text}, giving it one first if it has none. */
    private String idOfLink(String text) {
        org.openqa.selenium.WebElement link = browser.driver().findElement(By.linkText(text));
        String id = link.getAttribute("id");
        if (id == null || id.isBlank()) {
            id = "target-" + UUID.randomUUID();
            browser.driver().executeScript("arguments[0].id = arguments[1];", link, id);
        }
        return id;
    }

    @Test
    void aFailedRunIsRecordedAsAFailureAndTheFiltersFindIt() {
        String failed = Runs.start(Runs.task("demo", "[\"workspace.write\"]", "[\"fail\"]", "[{\"final\":\"Done.\"}]"))
                .getString("id");
        Runs.awaitEnd(failed);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Eventually.await(
                "run.failed in the audit log, outcome failed",
                Duration.ofSeconds(15),
                () -> {
                    browser.open("audit.xhtml?action=run.failed&outcome=failed&from=" + today + "&until=" + today);
                    return browser.page();
                },
                page -> page.contains(failed));
        assertTrue(browser.text("records").contains("failed"), browser.text("records"));
        browser.screenshot("audit-filtered");
        browser.open("audit.xhtml?action=run.failed&outcome=success");
        assertTrue(!browser.page().contains(failed), "a failed run is not a success");
    }
}
