package dev.agentry.core.agentloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.sandbox.Redactor;
import dev.agentry.core.sandbox.Workspace;
import dev.agentry.core.tools.MemoryAccess;
import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.ToolExecutor;
import dev.agentry.core.tools.ToolOutcome;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLoopTest {

    @TempDir
    Path root;

    private final List<Message> messages = new ArrayList<>();
    private final List<ToolOutcome> outcomes = new ArrayList<>();
    private StopReason stop;

    @Test
    void theScriptIsReplayedUntilTheFinalResultAndSecretsNeverReachTheTranscript() throws Exception {
        Files.writeString(root.resolve("a.txt"), "token=hunter2-secret\n");
        LoopResult result = loop(
                        "[{\"toolCalls\":[{\"tool\":\"workspace.read\",\"arguments\":{\"path\":\"a.txt\"}}]},"
                                + "{\"text\":\"done reading\",\"final\":\"all good\"}]",
                        Set.of("workspace.read"))
                .run("instructions", "goal", new LoopBudget(5, 5, null));
        assertEquals(StopReason.FINAL_RESULT, result.stopReason());
        assertEquals("all good", result.finalResult());
        assertEquals(2, result.turns());
        assertEquals(1, result.toolCalls());
        assertEquals(
                List.of("text", "text", "tool_call", "tool_result", "text", "final_result"),
                messages.stream().map(Message::type).toList());
        assertFalse(messages.toString().contains("hunter2-secret"));
        assertTrue(messages.get(3).content().toString().contains("[REDACTED]"));
    }

    @Test
    void budgetsAndProviderFailuresEndTheLoopWithTheirStopReason() {
        String endless = "[{\"toolCalls\":[{\"tool\":\"workspace.list\"},{\"tool\":\"workspace.list\"}]},"
                + "{\"toolCalls\":[{\"tool\":\"workspace.list\"}]},{\"toolCalls\":[]}]";
        Set<String> tools = Set.of("workspace.list");
        assertEquals(
                StopReason.MAX_TURNS,
                loop(endless, tools).run("i", "g", new LoopBudget(2, 10, null)).stopReason());
        assertEquals(
                StopReason.MAX_TOOL_CALLS,
                loop(endless, tools).run("i", "g", new LoopBudget(5, 1, null)).stopReason());
        assertEquals(
                StopReason.MAX_CALLS_PER_TOOL,
                loop(endless, tools).run("i", "g", new LoopBudget(5, 10, 2)).stopReason());
        assertEquals(
                StopReason.PROVIDER_ERROR,
                loop("[{\"error\":\"rate limited\"}]", tools)
                        .run("i", "g", new LoopBudget(5, 5, null))
                        .stopReason());
        assertEquals(
                StopReason.PROVIDER_ERROR,
                loop("[]", tools).run("i", "g", new LoopBudget(5, 5, null)).stopReason(),
                "script ran out");
        stop = StopReason.CANCELLED;
        assertEquals(
                StopReason.CANCELLED,
                loop(endless, tools).run("i", "g", new LoopBudget(5, 5, null)).stopReason());
    }

    @Test
    void aToolOutsideTheEffectiveToolsIsDenied() {
        loop(
                        "[{\"toolCalls\":[{\"tool\":\"workspace.delete\",\"arguments\":{\"path\":\"x\"}}],\"final\":\"f\"}]",
                        Set.of())
                .run("i", "g", new LoopBudget(5, 5, null));
        assertEquals("denied", outcomes.get(0).status());
    }

    @Test
    void aLoneSurrogateInAnArgumentIsAToolErrorAndTheTranscriptStaysEncodable() {
        LoopResult result = loop(
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":"
                                + "{\"path\":\"a\\ud800.txt\",\"content\":\"x\\udc00\"}}],\"final\":\"f\"}]",
                        Set.of("workspace.write"))
                .run("i", "g\ud800", new LoopBudget(5, 5, null));
        assertEquals(StopReason.FINAL_RESULT, result.stopReason());
        assertEquals("error", outcomes.get(0).status());
        assertTrue(outcomes.get(0).result().toString().contains("invalid_arguments"));
        for (Message message : messages) {
            assertTrue(
                    dev.agentry.core.tools.UnicodeText.isWellFormed(
                            message.content().toString()),
                    message.toString());
        }
        assertFalse(Files.exists(root.resolve("a\ufffd.txt")));
    }

    @Test
    void theTokenBudgetIsCheckedBeforeEveryTurn() {
        AgentProvider costly = (conversation, stop) -> new ProviderTurn(
                null,
                List.of(new ToolCall(
                        "c", "workspace.list", Json.createObjectBuilder().build())),
                null,
                null,
                new TokenUsage(400, 100, 500));
        AgentLoop loop = new AgentLoop(
                costly,
                new ToolExecutor(
                        Workspace.at(root),
                        Set.of("workspace.list"),
                        Map.of(),
                        step -> Optional.empty(),
                        (c, i, l) -> null,
                        null,
                        MemoryAccess.NONE),
                Redactor.of(List.of()),
                observer(),
                Clock.systemUTC());
        LoopResult result = loop.run("i", "g", new LoopBudget(10, 10, null, 1200L));
        assertEquals(StopReason.TOKEN_BUDGET, result.stopReason());
        assertEquals(3, result.turns(), "500 + 500 < 1200: a third turn, then 1500 ends it");
        assertEquals(new TokenUsage(1200, 300, 1500), result.usage());
    }

    private AgentLoop loop(String script, Set<String> tools) {
        JsonArray turns = Json.createReader(new StringReader(script)).readArray();
        ToolExecutor executor = new ToolExecutor(
                Workspace.at(root),
                tools,
                Map.of(),
                step -> Optional.empty(),
                (c, i, l) -> null,
                null,
                MemoryAccess.NONE);
        return new AgentLoop(
                new ScriptedProvider(turns),
                executor,
                Redactor.of(List.of("hunter2-secret")),
                observer(),
                Clock.systemUTC());
    }

    private LoopObserver observer() {
        return new LoopObserver() {
            @Override
            public void message(Message message) {
                messages.add(message);
            }

            @Override
            public void toolCall(ToolCall call, ToolOutcome outcome, Instant started, Instant finished) {
                outcomes.add(outcome);
            }

            @Override
            public StopReason stopReason() {
                return stop;
            }
        };
    }
}
