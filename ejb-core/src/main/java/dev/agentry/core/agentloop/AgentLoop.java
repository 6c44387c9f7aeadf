package dev.agentry.core.agentloop;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.Redactor;
import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.ToolExecutor;
import dev.agentry.core.tools.ToolOutcome;
import dev.agentry.core.tools.UnicodeText;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns until the agent gives its final result or a limit ends it: turn and tool-call budgets, the
 * run's deadline and its cancel flag (checked before every turn and every call). Tool results are
 * redacted before anything, the provider included, sees them.
 */
public final class AgentLoop {

    private final AgentProvider provider;
    private final ToolExecutor tools;
    private final Redactor redactor;
    private final LoopObserver observer;
    private final Clock clock;
    private final List<Message> conversation = new ArrayList<>();

    public AgentLoop(
            AgentProvider provider, ToolExecutor tools, Redactor redactor, LoopObserver observer, Clock clock) {
        this.provider = provider;
        this.tools = tools;
        this.redactor = redactor;
        this.observer = observer;
        this.clock = clock;
    }

    private TokenUsage usage = TokenUsage.NONE;

    /**
     * Runs the loop. The token budget is checked before every turn: the turn that crosses it still
     * completes (its tokens are spent), the next one is not asked for.
     */
    public LoopResult run(String instructions, String goal, LoopBudget budget) {
        return run(instructions, List.of(), goal, budget);
    }

    /**
     * Runs the loop continuing a conversation: {@code history} (a session's transcript, earlier runs'
     * messages) comes between the instructions and the goal. The provider sees it; the observer does
     * not (it is not this run's to record again), and it counts against no budget but tokens.
     */
    public LoopResult run(String instructions, List<Message> history, String goal, LoopBudget budget) {
        add(
                0,
                "text",
                "system",
                Jsonp.createObjectBuilder().add("text", instructions).build());
        conversation.addAll(history);
        add(0, "text", "user", Jsonp.createObjectBuilder().add("text", goal).build());
        int calls = 0;
        Map<String, Integer> perTool = new HashMap<>();
        for (int turn = 1; turn <= budget.maxTurns(); turn++) {
            StopReason stop = observer.stopReason();
            if (stop != null) {
                return end(stop, null, null, turn - 1, calls, null, null);
            }
            if (budget.tokenBudget() != null && usage.totalTokens() >= budget.tokenBudget()) {
                return end(StopReason.TOKEN_BUDGET, null, null, turn - 1, calls, null, null);
            }
            ProviderTurn answer;
            try {
                answer = provider.next(List.copyOf(conversation), () -> observer.stopReason() != null);
            } catch (ProviderFailure e) {
                StopReason stopped = observer.stopReason();
                if (stopped != null) {
                    return end(stopped, null, null, turn - 1, calls, null, null); // the stop cut the call short
                }
                String message = redactor.redact(e.getMessage());
                add(
                        turn,
                        "error",
                        "assistant",
                        Jsonp.createObjectBuilder().add("message", message).build());
                return end(StopReason.PROVIDER_ERROR, null, null, turn, calls, message, redact(e.evidence()));
            }
            usage = usage.plus(answer.usage());
            observer.turn(turn, answer.usage());
            if (answer.text() != null) {
                add(
                        turn,
                        "text",
                        "assistant",
                        Jsonp.createObjectBuilder().add("text", answer.text()).build());
            }
            for (ToolCall call : answer.toolCalls()) {
                stop = observer.stopReason();
                if (stop != null) {
                    return end(stop, null, null, turn, calls, null, null);
                }
                if (calls >= budget.maxToolCalls()) {
                    return end(StopReason.MAX_TOOL_CALLS, null, null, turn, calls, null, null);
                }
                int used = perTool.merge(call.tool(), 1, Integer::sum);
                if (budget.maxCallsPerTool() != null && used > budget.maxCallsPerTool()) {
                    return end(StopReason.MAX_CALLS_PER_TOOL, null, null, turn, calls, null, null);
                }
                calls++;
                JsonObject arguments = redact(call.arguments());
                add(
                        turn,
                        "tool_call",
                        "assistant",
                        Jsonp.createObjectBuilder()
                                .add("callId", call.id())
                                .add("tool", call.tool())
                                .add("arguments", arguments)
                                .build());
                Instant started = clock.instant();
                ToolOutcome outcome = tools.execute(call);
                ToolOutcome shown = new ToolOutcome(outcome.status(), redact(outcome.result()));
                observer.toolCall(
                        new ToolCall(UnicodeText.wellFormed(call.id()), UnicodeText.wellFormed(call.tool()), arguments),
                        shown,
                        started,
                        clock.instant());
                add(
                        turn,
                        outcome.status().equals("previewed") ? "approval_required" : "tool_result",
                        "tool",
                        Jsonp.createObjectBuilder()
                                .add("callId", call.id())
                                .add("tool", call.tool())
                                .add("status", shown.status())
                                .add("result", shown.result())
                                .build());
            }
            if (answer.finalResult() != null) {
                add(
                        turn,
                        "final_result",
                        "assistant",
                        Jsonp.createObjectBuilder()
                                .add("text", answer.finalResult())
                                .add("status", answer.finalStatus())
                                .build());
                return end(
                        StopReason.FINAL_RESULT,
                        clean(answer.finalResult()),
                        answer.finalStatus(),
                        turn,
                        calls,
                        null,
                        null);
            }
        }
        return end(StopReason.MAX_TURNS, null, null, budget.maxTurns(), calls, null, null);
    }

    /** The tokens of every turn so far. */
    public TokenUsage usage() {
        return usage;
    }

    private LoopResult end(
            StopReason stop, String result, String status, int turns, int calls, String error, JsonObject evidence) {
        return new LoopResult(stop, result, status, turns, calls, error, usage, evidence);
    }

    public List<Message> conversation() {
        return List.copyOf(conversation);
    }

    /**
     * Every string in it (names too) redacted and well-formed, so it can be written as UTF-8: what the
     * transcript and evidence keep. Value by value, not over the JSON text: a mask can then never cut an
     * escape sequence and leave text that no longer parses.
     */
    private JsonObject redact(JsonObject json) {
        return clean(json).asJsonObject();
    }

    private JsonValue clean(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> Jsonp.createValue(clean(((JsonString) value).getString()));
            case OBJECT -> {
                JsonObjectBuilder object = Jsonp.createObjectBuilder();
                value.asJsonObject().forEach((name, member) -> object.add(clean(name), clean(member)));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = Jsonp.createArrayBuilder();
                value.asJsonArray().forEach(item -> array.add(clean(item)));
                yield array.build();
            }
            default -> value;
        };
    }

    private String clean(String text) {
        return UnicodeText.wellFormed(redactor.redact(text));
    }

    private void add(int turn, String type, String role, JsonObject content) {
        Message message = new Message(turn, type, role, clock.instant().toString(), redact(content));
        conversation.add(message);
        observer.message(message);
    }
}
