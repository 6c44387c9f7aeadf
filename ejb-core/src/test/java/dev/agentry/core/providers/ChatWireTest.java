package dev.agentry.core.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agentloop.ProviderFailure;
import dev.agentry.core.agentloop.ProviderTurn;
import dev.agentry.core.agentloop.TokenUsage;
import dev.agentry.core.tools.ToolCatalog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Chat Completions wire format both ways: the request from a conversation, a turn from an answer. */
class ChatWireTest {

    @Test
    void anAnswerWithParallelToolCallsIsOneTurnWithItsUsage() {
        ProviderTurn turn = reply("""
                {"choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                  "tool_calls":[
                    {"id":"call_a","type":"function","function":{"name":"workspace_read","arguments":"{\\"path\\":\\"a.txt\\"}"}},
                    {"id":"call_b","type":"function","function":{"name":"workspace_write","arguments":"{\\"path\\": \\"b"}},
                    {"id":"call_c","type":"function","function":{"name":"shell_exec","arguments":"[1]"}},
                    {"id":"","type":"function","function":{"name":"workspace_list","arguments":""}}]}}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""").turn(3, "p");
        assertNull(turn.finalResult());
        assertEquals(new TokenUsage(10, 5, 15), turn.usage());
        assertEquals(4, turn.toolCalls().size());
        assertEquals("workspace.read", turn.toolCalls().get(0).tool());
        assertEquals("a.txt", turn.toolCalls().get(0).arguments().getString("path"));
        assertNull(turn.toolCalls().get(0).malformed());
        assertTrue(turn.toolCalls().get(1).malformed().contains("not valid JSON"));
        assertEquals("shell_exec", turn.toolCalls().get(2).tool(), "an unknown name is kept");
        assertTrue(turn.toolCalls().get(2).malformed().contains("JSON object"));
        assertEquals("call_3_4", turn.toolCalls().get(3).id(), "a missing id is made up");
        assertTrue(turn.toolCalls().get(3).arguments().isEmpty());
    }

    @Test
    void anAnswerWithoutToolCallsIsTheFinalResult() {
        ProviderTurn turn = reply(
                        "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Done.\"}}]}")
                .turn(1, "p");
        assertEquals("Done.", turn.finalResult());
        assertEquals("completed", turn.finalStatus());
        assertNull(turn.usage());
    }

    @Test
    void aBrokenCutOrFilteredAnswerIsAProviderFailure() {
        for (String body : List.of(
                "{}",
                "{\"choices\":[]}",
                "{\"choices\":[{\"finish_reason\":\"length\",\"message\":{\"content\":\"half\"}}]}",
                "{\"choices\":[{\"finish_reason\":\"content_filter\",\"message\":{\"content\":null}}]}")) {
            ProviderFailure failure =
                    assertThrows(ProviderFailure.class, () -> reply(body).turn(1, "p"), body);
            assertEquals("p", failure.evidence().getString("provider"));
        }
    }

    @Test
    void theRequestGroupsATurnsParallelCallsIntoOneAssistantMessage() {
        List<Message> conversation = List.of(
                message(0, "text", "system", "{\"text\":\"be brief\"}"),
                message(0, "text", "user", "{\"text\":\"fix it\"}"),
                message(1, "text", "assistant", "{\"text\":\"looking\"}"),
                message(
                        1,
                        "tool_call",
                        "assistant",
                        "{\"callId\":\"c1\",\"tool\":\"workspace.read\",\"arguments\":{\"path\":\"a\"}}"),
                message(
                        1,
                        "tool_result",
                        "tool",
                        "{\"callId\":\"c1\",\"tool\":\"workspace.read\",\"status\":\"ok\",\"result\":{\"content\":\"x\"}}"),
                message(
                        1,
                        "tool_call",
                        "assistant",
                        "{\"callId\":\"c2\",\"tool\":\"workspace.list\",\"arguments\":{}}"),
                message(
                        1,
                        "tool_result",
                        "tool",
                        "{\"callId\":\"c2\",\"tool\":\"workspace.list\",\"status\":\"error\",\"result\":{}}"));
        JsonObject body = ChatRequest.body(
                "m",
                99,
                conversation,
                List.of(ToolCatalog.named("workspace.read").orElseThrow()));
        JsonArray messages = body.getJsonArray("messages");
        assertEquals(5, messages.size(), messages.toString());
        assertEquals("be brief", messages.getJsonObject(0).getString("content"));
        JsonObject assistant = messages.getJsonObject(2);
        assertEquals("looking", assistant.getString("content"));
        assertEquals(2, assistant.getJsonArray("tool_calls").size());
        assertEquals(
                "workspace_read",
                assistant
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("name"));
        assertEquals(
                "{\"path\":\"a\"}",
                assistant
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("arguments"));
        assertEquals("c1", messages.getJsonObject(3).getString("tool_call_id"));
        assertEquals("c2", messages.getJsonObject(4).getString("tool_call_id"));
        assertEquals(99, body.getInt("max_tokens"));
        JsonObject function = body.getJsonArray("tools").getJsonObject(0).getJsonObject("function");
        assertEquals("workspace_read", function.getString("name"));
        assertTrue(!function.getJsonObject("parameters").containsKey("$schema"));
    }

    @Test
    void aSessionsEarlierRunComesBeforeTheGoalWithItsFinalResultAsWhatTheAssistantSaid() {
        List<Message> conversation = List.of(
                message(0, "text", "system", "{\"text\":\"be brief\"}"),
                // the session's earlier run: its goal, one turn of a call, then its final result
                message(0, "text", "user", "{\"text\":\"remember 7\"}"),
                message(
                        1,
                        "tool_call",
                        "assistant",
                        "{\"callId\":\"c1\",\"tool\":\"workspace.list\",\"arguments\":{}}"),
                message(
                        1,
                        "tool_result",
                        "tool",
                        "{\"callId\":\"c1\",\"tool\":\"workspace.list\",\"status\":\"ok\",\"result\":{}}"),
                message(2, "final_result", "assistant", "{\"text\":\"noted\",\"status\":\"completed\"}"),
                // this run: its goal, and its own turn 1
                message(0, "text", "user", "{\"text\":\"which number?\"}"),
                message(1, "text", "assistant", "{\"text\":\"thinking\"}"));
        JsonArray messages = ChatRequest.body("m", 99, conversation, List.of()).getJsonArray("messages");
        assertEquals(
                List.of(
                        "system:be brief",
                        "user:remember 7",
                        "assistant:",
                        "tool:",
                        "assistant:noted",
                        "user:which number?",
                        "assistant:thinking"),
                messages.getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("role") + ":"
                                + (m.getString("role").equals("tool")
                                        ? ""
                                        : m.isNull("content") ? "" : m.getString("content")))
                        .toList(),
                messages.toString());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), ChatCompletionsAttempt.retryAfter(Optional.of("7")));
        assertEquals(Optional.empty(), ChatCompletionsAttempt.retryAfter(Optional.of("soon")));
        assertEquals(Optional.empty(), ChatCompletionsAttempt.retryAfter(Optional.empty()));
        assertEquals(
                Optional.of(Duration.ZERO),
                ChatCompletionsAttempt.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")),
                "a date in the past means now");
    }

    private static ChatReply reply(String json) {
        return new ChatReply(Json.createReader(new StringReader(json)).readObject());
    }

    private static Message message(int turn, String type, String role, String content) {
        return new Message(
                turn,
                type,
                role,
                "2026-01-01T00:00:00Z",
                Json.createReader(new StringReader(content)).readObject());
    }
}
