package dev.agentry.core.agentloop;

import dev.agentry.core.tools.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Replays the task's script, one entry per turn, so tests and demos are deterministic. An entry is
 * {@code {text?, toolCalls?: [{tool, arguments}], final?, finalStatus?, error?, delayMs?}}: {@code
 * error} makes the provider fail that turn, {@code delayMs} stands in for model time (at most a minute,
 * cut short by a stop). A script that runs out fails like a provider would.
 */
public final class ScriptedProvider implements AgentProvider {

    static final long MAX_DELAY_MS = 60_000;

    private final JsonArray script;
    private int turn;

    public ScriptedProvider(JsonArray script) {
        this.script = script;
    }

    @Override
    public ProviderTurn next(List<Message> conversation, BooleanSupplier stop) {
        if (turn >= script.size()) {
            throw new ProviderFailure("The script has no turn " + (turn + 1) + ".");
        }
        if (!(script.get(turn) instanceof JsonObject entry)) {
            throw new ProviderFailure("Script turn " + (turn + 1) + " is not an object.");
        }
        int number = ++turn;
        if (entry.get("delayMs") instanceof JsonNumber delay) {
            long until = System.nanoTime() + Math.min(delay.longValue(), MAX_DELAY_MS) * 1_000_000;
            while (System.nanoTime() < until && !stop.getAsBoolean()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (entry.get("error") instanceof JsonString error) {
            throw new ProviderFailure(error.getString());
        }
        List<ToolCall> calls = new ArrayList<>();
        JsonValue toolCalls = entry.get("toolCalls");
        if (toolCalls instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonObject call) || !(call.get("tool") instanceof JsonString tool)) {
                    throw new ProviderFailure("Script turn " + number + " has a tool call without a tool name.");
                }
                JsonObject arguments = call.get("arguments") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
                calls.add(new ToolCall("call_" + number + "_" + (i + 1), tool.getString(), arguments));
            }
        }
        return new ProviderTurn(
                entry.getString("text", null),
                calls,
                entry.getString("final", null),
                entry.getString("finalStatus", "completed"));
    }
}
