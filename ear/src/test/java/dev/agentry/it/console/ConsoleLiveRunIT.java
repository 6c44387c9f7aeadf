package dev.agentry.it.console;

import static dev.agentry.it.harness.Runs.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Runs;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run page of a run still going updates live from the console's own event stream
 * ({@code /admin/run-events/<run>}): new events join the timeline and the final status replaces the
 * badge, without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLiveRunIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void aRunningRunsPageShowsNewEventsAndItsFinalStatusWithoutAReload() {
        String id = Runs.start(
                        Runs.task("demo", "[]", "[]", "[{\"text\":\"thinking\",\"delayMs\":30000},{\"final\":\"x\"}]"))
                .getString("id");
        Runs.awaitStatus(id, "running");
        browser.open("run.xhtml?id=" + id);
        browser.awaitText(id);
        // A mark on this document: a reload would lose it.
        browser.driver().executeScript("document.body.setAttribute('data-unreloaded', 'yes')");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(d -> browser.text("timeline").contains("running"));
        assertEquals("running", browser.text("status"));

        HttpResponse<String> cancelled =
                Api.send("POST", "api/v1/runs/" + id + "/cancel", BodyPublishers.noBody(), runner());
        assertTrue(cancelled.statusCode() < 300, cancelled.body());
        wait.until(d -> browser.text("status").equals("cancelled"));
        assertTrue(browser.text("timeline").contains("cancelled"), browser.text("timeline"));
        assertEquals(
                "yes",
                browser.driver().findElement(By.tagName("body")).getAttribute("data-unreloaded"),
                "the page was not reloaded");
        browser.screenshot("run-live");
    }

    @Test
    void theStreamIsTheConsolesOwnBehindItsSignIn() {
        HttpResponse<String> anonymous = Api.get("admin/run-events/run_x");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().contains("/admin/login.xhtml"));
    }
}
