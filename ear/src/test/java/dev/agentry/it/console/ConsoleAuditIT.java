package dev.agentry.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
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

/** The audit log in the console: newest first, filtered by what the address says, outcomes as recorded. */
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
