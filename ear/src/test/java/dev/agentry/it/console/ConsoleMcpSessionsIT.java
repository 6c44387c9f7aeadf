package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Mcp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 * A credential's MCP sessions in the console (issue 21): listed on the credential's page by client and handle
 * (never the whole id), counted in the credentials list, and one ended after a confirmation — by a redirect with
 * its message, audited with the administrator as the actor — after which its client's next message is answered 404
 * while the credential's other session goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleMcpSessionsIT {

    private static final String PING = Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT);

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void aCredentialsSessionsAreListedAndOneIsEndedAfterConfirming() {
        Instant since = AuditRecords.mark();
        String name = "mcp-console-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject credential = Api.createCredential(
                "{\"name\":\"" + name + "\",\"owner\":\"console-it\",\"scopes\":[\"products:read\"]}");
        String id = credential.getString("id");
        String[] auth = bearer(Api.tokenFor(credential));

        browser.open("credential.xhtml?id=" + id);
        browser.awaitText("MCP sessions");
        assertEquals("No open MCP sessions.", browser.text("mcpNone"), "the empty state");

        String kept = session("kept-client", auth);
        String ended = session("ended-client", auth);
        String handle = ended.substring(0, 8);

        browser.reload();
        browser.awaitText("ended-client");
        assertTrue(browser.page().contains("kept-client"), "both sessions listed");
        assertTrue(browser.page().contains("<code>" + handle + "</code>"), "named by its handle");
        assertFalse(browser.page().contains(ended), "never by its whole id");
        assertFalse(browser.page().contains(kept));
        List<String> clients =
                browser.driver().findElements(By.cssSelector("#sessions\\:sessionTable tbody tr")).stream()
                        .map(row -> row.findElements(By.tagName("td")).get(1).getText())
                        .toList();
        assertEquals(List.of("ended-client", "kept-client"), clients, "the most recently used first");
        assertTrue(browser.page().contains("2025-06-18"), "the protocol version");

        browser.open("credentials.xhtml");
        browser.type("credentials:query", name);
        browser.click("credentials:apply");
        browser.awaitText(name);
        List<String> cells = browser.driver().findElements(By.cssSelector("#credentials\\:list tbody tr td")).stream()
                .map(cell -> cell.getText())
                .toList();
        assertEquals("2", cells.get(cells.size() - 1), "the list counts its sessions: " + cells);

        browser.open("credential.xhtml?id=" + id);
        browser.awaitText("ended-client");
        browser.click(buttonInRowOf(handle, "end"));
        browser.awaitText("End this MCP session?");
        assertEquals(200, Mcp.post(ended, PING, auth).statusCode(), "not ended before the confirmation");
        browser.screenshot("credential-mcp-confirm-end");
        browser.click(buttonInRowOf(handle, "endConfirmed"));
        browser.awaitText("MCP session " + handle + " ended.");
        browser.assertRedirectedAfterPost("credential.xhtml?id=" + id);
        assertFalse(browser.page().contains("ended-client"), "no longer listed");
        assertTrue(browser.page().contains("kept-client"));
        browser.screenshot("credential-mcp-ended");

        HttpResponse<String> refused = Mcp.post(ended, PING, auth);
        assertEquals(404, refused.statusCode(), refused.body());
        assertEquals(
                "not_found",
                Api.json(refused).getJsonObject("error").getJsonObject("data").getString("code"),
                refused.body());
        assertEquals(200, Mcp.post(kept, PING, auth).statusCode(), "the other session goes on");
        Mcp.session(auth); // and its client can initialise again: the credential was not touched

        browser.reload();
        browser.awaitText("kept-client");
        assertFalse(browser.page().contains("MCP session " + handle + " ended."), "reported once");

        List<JsonObject> records =
                Api.listed(get("api/v1/audit?limit=500&action=mcp.session.end&since=" + since, verified())).stream()
                        .filter(record -> (id + " " + handle).equals(record.getString("target", null)))
                        .toList();
        assertEquals(1, records.size(), records::toString);
        assertEquals("admin", records.get(0).getString("actorKind"), records.get(0)::toString);
        assertEquals("admin", records.get(0).getString("actorId"), records.get(0)::toString);
        assertEquals("success", records.get(0).getString("outcome"), records.get(0)::toString);
    }

    /** A session initialised over raw JSON-RPC by a client calling itself {@code client}; its id. */
    static String session(String client, String[] auth) {
        HttpResponse<String> answer = Mcp.post(
                null,
                Mcp.request(
                        "initialize",
                        Json.createObjectBuilder()
                                .add("protocolVersion", "2025-06-18")
                                .add("capabilities", Json.createObjectBuilder())
                                .add(
                                        "clientInfo",
                                        Json.createObjectBuilder()
                                                .add("name", client)
                                                .add("version", "1"))
                                .build()),
                auth);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** The id of the button {@code button} in the sessions table's row of {@code handle}. */
    private String buttonInRowOf(String handle, String button) {
        return browser.driver()
                .findElement(By.xpath("//table[@id='sessions:sessionTable']//tr[td/code[normalize-space(.)='" + handle
                        + "']]//input[substring(@id, string-length(@id) - string-length(':" + button + "') + 1) = ':"
                        + button + "']"))
                .getAttribute("id");
    }

    /** The bootstrap's headers, once the buffered audit records are chained (readable). */
    private static String[] verified() {
        assertEquals(
                200,
                Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap())
                        .statusCode());
        return asBootstrap();
    }
}
