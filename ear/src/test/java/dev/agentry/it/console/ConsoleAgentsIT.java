package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The console's agents page: the registry's agents, one agent's memory, an entry deleted, in the browser;
 * the deletion answers with a redirect, so a reload does not delete again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAgentsIT {

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void anAgentsMemoryIsListedAndAnEntryDeleted() {
        String key = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String entry = "api/v1/agents/rememberer/memory/" + key;
        assertEquals(201, put(entry).statusCode());

        browser.open("agents.xhtml");
        browser.awaitText("rememberer");
        assertTrue(browser.page().contains("file:rememberer.json"), "where each agent is defined");
        browser.driver().findElement(By.linkText("rememberer")).click();
        browser.awaitText(key);
        assertTrue(browser.page().contains("shown in the console"), "the entry's value");
        browser.screenshot("agent-memory");

        String delete = browser.driver()
                .findElement(By.xpath("//tr[td[normalize-space(.)='" + key + "']]//input[@type='submit']"))
                .getAttribute("id");
        browser.click(delete);
        browser.awaitText("Deleted the memory entry " + key);
        browser.assertRedirectedAfterPost("agents.xhtml?slug=rememberer");
        assertEquals(
                "messages",
                browser.driver().switchTo().activeElement().getAttribute("id"),
                "focus on what the action reported, once its redirect has landed");
        assertProblem(get(entry, asBootstrap()), 404, "not_found");

        // Written again since: a reload shows it, it does not delete it again.
        assertEquals(201, put(entry).statusCode());
        browser.reload();
        browser.awaitText(key);
        assertFalse(browser.page().contains("Deleted the memory entry"), "reported once");
        assertEquals(200, get(entry, asBootstrap()).statusCode(), "not deleted again by the reload");
    }

    private static HttpResponse<String> put(String entry) {
        return Api.send(
                "PUT",
                entry,
                BodyPublishers.ofString("{\"value\":{\"note\":\"shown in the console\"}}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
    }
}
