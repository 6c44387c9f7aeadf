package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.Browser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The console's agents pages in the browser: the registry's agents, a file agent read-only with the reason,
 * one agent's memory with an entry deleted, and an API agent registered, seen, changed (a bad tool selector
 * reported on its field first) and deleted after a confirmation, each change visible through the API and
 * audited as the API's are; deleting a memory entry answers with a redirect, so a reload does not delete again.
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
        browser.click(idOfLink("rememberer"));
        browser.awaitText(key);
        assertTrue(browser.page().contains("shown in the console"), "the entry's value");
        assertTrue(browser.text("readOnly").contains("defined by file:rememberer.json"), browser.text("readOnly"));
        assertFalse(browser.page().contains("id=\"agent:save\""), "a file agent has no edit form");
        assertFalse(browser.page().contains("id=\"actions:delete\""), "nor a delete button");
        assertEquals("memory, workspace", browser.text("allowShown"));
        assertEquals("runs:write", browser.text("ceilingShown"));
        assertEquals("layers agent, session, read and write", browser.text("memoryShown"));
        browser.screenshot("agent-memory");

        String delete = browser.driver()
                .findElement(By.xpath("//tr[td[normalize-space(.)='" + key + "']]//input[@type='submit']"))
                .getAttribute("id");
        browser.click(delete);
        browser.awaitText("Deleted the memory entry " + key);
        browser.assertRedirectedAfterPost("agent.xhtml?slug=rememberer");
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

    @Test
    void anApiAgentIsRegisteredSeenChangedAndDeletedAfterConfirming() {
        Instant since = AuditRecords.mark();
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("agents.xhtml");
        browser.click("newAgent");
        browser.awaitText("Register an agent");
        browser.type("agent:slug", "rememberer");
        browser.type("agent:label", "Taken");
        browser.click("agent:create");
        browser.awaitText("There is a problem");
        assertEquals("true", browser.driver().findElement(By.id("agent:slug")).getAttribute("aria-invalid"));
        assertTrue(
                browser.text("agent:slugError").contains("file:rememberer.json"),
                "a taken slug is refused as the API refuses it, naming where the first came from: "
                        + browser.text("agent:slugError"));

        browser.type("agent:slug", slug);
        browser.type("agent:label", "Console agent " + slug);
        browser.type("agent:allow", "workspace.read");
        browser.type("agent:actions", "workspace.read = preview");
        check("agent:ceiling", "runs:write");
        check("agent:memoryLayers", "agent");
        browser.click("agent:create");
        browser.awaitText("Agent " + slug + " registered.");

        assertTrue(browser.driver().getCurrentUrl().contains("agent.xhtml?slug=" + slug), "its own address");
        assertEquals("api", browser.text("origin"));
        assertEquals("workspace.read", browser.text("allowShown"));
        assertEquals("workspace.read = preview", browser.text("actionsShown"));
        assertEquals("runs:write", browser.text("ceilingShown"));
        assertEquals("layers agent, read only", browser.text("memoryShown"));
        assertTrue(browser.page().contains("No runs of this agent yet."), "its recent runs");
        browser.screenshot("agent-registered");
        JsonObject registered = json(get("api/v1/agents/" + slug, asBootstrap()));
        assertEquals(
                "preview",
                registered.getJsonObject("toolPolicy").getJsonObject("actions").getString("workspace.read"));
        assertEquals(List.of("runs:write"), strings(registered, "permissionCeiling"));

        browser.type("agent:allow", "workspace.read\nno-such-tool");
        browser.click("agent:save");
        browser.awaitText("There is a problem");
        assertEquals("true", browser.driver().findElement(By.id("agent:allow")).getAttribute("aria-invalid"));
        assertTrue(
                browser.text("agent:allowErrors").contains("Line 2: neither a tool, a category nor *"),
                browser.text("agent:allowErrors"));
        assertFalse(
                browser.driver()
                        .findElements(By.cssSelector("#errorSummary a[data-field='agent:allow']"))
                        .isEmpty(),
                "the summary links to the field");
        assertEquals("errorSummary", browser.driver().switchTo().activeElement().getAttribute("id"));
        browser.screenshot("agent-invalid");
        assertEquals(
                List.of("workspace.read"),
                strings(json(get("api/v1/agents/" + slug, asBootstrap())).getJsonObject("toolPolicy"), "allow"),
                "nothing changed");

        browser.type("agent:allow", "workspace\nmemory");
        browser.click("agent:save");
        browser.awaitText("Changes saved.");
        assertEquals("workspace, memory", browser.text("allowShown"));
        assertEquals(
                List.of("workspace", "memory"),
                strings(json(get("api/v1/agents/" + slug, asBootstrap())).getJsonObject("toolPolicy"), "allow"));

        browser.click("actions:delete");
        browser.awaitText("Delete this agent with its memory and its sessions?");
        assertEquals(200, get("api/v1/agents/" + slug, asBootstrap()).statusCode(), "not before the confirmation");
        browser.screenshot("agent-confirm-delete");
        browser.click("actions:deleteConfirmed");
        browser.awaitText("Agent " + slug + " deleted");
        assertTrue(browser.driver().getCurrentUrl().contains("agents.xhtml"), "back at the list");
        assertProblem(get("api/v1/agents/" + slug, asBootstrap()), 404, "not_found");

        for (String action : List.of("agent.register", "agent.update", "agent.delete")) {
            List<JsonObject> records = audited(action, slug, since);
            assertEquals(1, records.size(), () -> action + ": " + records);
            assertEquals("admin", records.get(0).getString("actorKind"), records.get(0)::toString);
            assertEquals("admin", records.get(0).getString("actorId"), records.get(0)::toString);
        }
    }

    /** Ticks the checkbox of {@code value} in the group {@code name}. */
    private void check(String name, String value) {
        browser.driver()
                .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .click();
    }

    /** The id of the link that reads {@code text}, giving it one first if it has none. */
    private String idOfLink(String text) {
        org.openqa.selenium.WebElement link = browser.driver().findElement(By.linkText(text));
        String id = link.getAttribute("id");
        if (id == null || id.isBlank()) {
            id = "link-" + UUID.randomUUID();
            browser.driver().executeScript("arguments[0].id = arguments[1];", link, id);
        }
        return id;
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    /** The audit records of {@code action} on the agent {@code slug} since {@code since}. */
    private static List<JsonObject> audited(String action, String slug, Instant since) {
        assertEquals(
                200,
                Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap())
                        .statusCode());
        return Api.listed(get("api/v1/audit?limit=500&action=" + action + "&since=" + since, asBootstrap())).stream()
                .filter(record -> slug.equals(record.getString("target", null)))
                .toList();
    }
}
