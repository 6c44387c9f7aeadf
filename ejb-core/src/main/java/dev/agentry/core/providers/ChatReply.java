package dev.agentry.core.providers;

import dev.agentry.core.agentloop.ProviderFailure;
import dev.agentry.core.agentloop.ProviderTurn;
import dev.agentry.core.agentloop.TokenUsage;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.UnicodeText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chat Completions answer, read as one turn: the first choice's text and tool calls; no tool call
 * means the model is done and its text is the final result. Arguments arrive as a JSON string: one
 * that is not a JSON object becomes a call the run answers with {@code invalid_arguments}.
 */
public record ChatReply(JsonObject json) {

    /** Tool calls read from one answer at most; more are answered as not made. */
    static final int MAX_CALLS = 64;

    ProviderTurn turn(int number, String provider) {
        if (!(json.get("choices") instanceof JsonArray choices)
                || choices.isEmpty()
                || !(choices.get(0) instanceof JsonObject choice)
                || !(choice.get("message") instanceof JsonObject message)) {
            throw malformed(provider, "has no choices[0].message");
        }
        String finish = choice.get("finish_reason") instanceof JsonString f ? f.getString() : "";
        if (finish.equals("content_filter")) {
            throw new ProviderFailure(
                    "The model provider " + provider + " filtered its answer (content_filter).",
                    Jsonp.createObjectBuilder()
                            .add("provider", provider)
                            .add("error", "content_filter")
                            .build());
        }
        String text = message.get("content") instanceof JsonString c ? c.getString() : null;
        List<ToolCall> calls = new ArrayList<>();
        if (message.get("tool_calls") instanceof JsonArray toolCalls) {
            for (int i = 0; i < toolCalls.size() && i < MAX_CALLS; i++) {
                if (!(toolCalls.get(i) instanceof JsonObject call)
                        || !(call.get("function") instanceof JsonObject function)
                        || !(function.get("name") instanceof JsonString name)) {
                    throw malformed(provider, "has a tool call without a function name");
                }
                String id =
                        call.get("id") instanceof JsonString s && !s.getString().isBlank()
                                ? clip(s.getString(), 100)
                                : "call_" + number + "_" + (i + 1);
                String tool = ToolNames.tool(UnicodeText.wellFormed(name.getString()));
                calls.add(arguments(id, tool, function.get("arguments")));
            }
        }
        TokenUsage usage = usage(json.get("usage"));
        if (!calls.isEmpty()) {
            return new ProviderTurn(text == null || text.isBlank() ? null : text, calls, null, null, usage);
        }
        if (finish.equals("length")) {
            throw new ProviderFailure(
                    "The model provider " + provider + " cut its answer at max-tokens (finish_reason length).",
                    Jsonp.createObjectBuilder()
                            .add("provider", provider)
                            .add("error", "length")
                            .build());
        }
        return new ProviderTurn(null, List.of(), text == null ? "" : text, "completed", usage);
    }

    private static ToolCall arguments(String id, String tool, JsonValue arguments) {
        if (arguments instanceof JsonObject object) {
            return new ToolCall(id, tool, object); // some servers send the object itself
        }
        if (!(arguments instanceof JsonString string) || string.getString().isBlank()) {
            return arguments == null || arguments instanceof JsonString
                    ? new ToolCall(id, tool, JsonValue.EMPTY_JSON_OBJECT)
                    : ToolCall.malformed(id, tool, "The arguments must be a JSON object.");
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(string.getString()))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return new ToolCall(id, tool, object);
            }
            return ToolCall.malformed(id, tool, "The arguments must be a JSON object.");
        } catch (JsonParsingException e) {
            return ToolCall.malformed(
                    id,
                    tool,
                    "The arguments are not valid JSON (at character "
                            + e.getLocation().getStreamOffset() + "); send a JSON object.");
        } catch (RuntimeException e) {
            return ToolCall.malformed(id, tool, "The arguments are not valid JSON; send a JSON object.");
        }
    }

    private static TokenUsage usage(JsonValue value) {
        if (!(value instanceof JsonObject usage)) {
            return null;
        }
        long prompt = number(usage, "prompt_tokens");
        long completion = number(usage, "completion_tokens");
        long total = usage.get("total_tokens") instanceof JsonNumber n ? n.longValue() : prompt + completion;
        return new TokenUsage(prompt, completion, total);
    }

    private static long number(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber n ? Math.max(0, n.longValue()) : 0;
    }

    private static String clip(String value, int max) {
        String clean = UnicodeText.wellFormed(value);
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static ProviderFailure malformed(String provider, String what) {
        return new ProviderFailure(
                "The model provider " + provider + " answered with a reply that " + what + ".",
                Jsonp.createObjectBuilder()
                        .add("provider", provider)
                        .add("error", "malformed_response")
                        .add("status", 200)
                        .build());
    }
}
