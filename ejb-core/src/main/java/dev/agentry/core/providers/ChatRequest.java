package dev.agentry.core.providers;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.tools.ToolDescriptor;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chat Completions request body from the run's conversation: the system and user messages of turn
 * 0, then per turn one assistant message (its text and all its tool calls, so parallel calls stay one
 * message) followed by one {@code tool} message per call's result. The conversation is already
 * redacted; the tools are the run's effective tools, their JSON Schemas as function parameters.
 */
final class ChatRequest {

    private ChatRequest() {}

    static JsonObject body(String model, int maxTokens, List<Message> conversation, List<ToolDescriptor> tools) {
        JsonArrayBuilder messages = Jsonp.createArrayBuilder();
        // Consecutive messages of one turn belong together; a session's earlier runs come first, each
        // from its own turn 0, so a change of turn (not its number) starts the next group.
        List<List<Message>> byTurn = new ArrayList<>();
        for (Message message : conversation) {
            List<Message> last = byTurn.isEmpty() ? null : byTurn.get(byTurn.size() - 1);
            if (last == null || last.get(0).turn() != message.turn()) {
                last = new ArrayList<>();
                byTurn.add(last);
            }
            last.add(message);
        }
        byTurn.forEach(turnMessages -> {
            int turn = turnMessages.get(0).turn();
            if (turn == 0) {
                turnMessages.stream()
                        .filter(m -> m.type().equals("text"))
                        .forEach(m -> messages.add(Jsonp.createObjectBuilder()
                                .add("role", m.role())
                                .add("content", m.content().getString("text", ""))));
                return;
            }
            JsonObjectBuilder assistant = Jsonp.createObjectBuilder().add("role", "assistant");
            StringBuilder text = new StringBuilder();
            JsonArrayBuilder calls = Jsonp.createArrayBuilder();
            List<JsonObject> results = new ArrayList<>();
            boolean anyCall = false;
            for (Message m : turnMessages) {
                JsonObject content = m.content();
                switch (m.type()) {
                    case "text" -> text.append(content.getString("text", ""));
                    case "tool_call" -> {
                        anyCall = true;
                        calls.add(Jsonp.createObjectBuilder()
                                .add("id", content.getString("callId"))
                                .add("type", "function")
                                .add(
                                        "function",
                                        Jsonp.createObjectBuilder()
                                                .add("name", ToolNames.function(content.getString("tool")))
                                                .add(
                                                        "arguments",
                                                        content.getJsonObject("arguments")
                                                                .toString())));
                    }
                    case "tool_result", "approval_required" ->
                        results.add(Jsonp.createObjectBuilder()
                                .add("role", "tool")
                                .add("tool_call_id", content.getString("callId"))
                                .add(
                                        "content",
                                        Jsonp.createObjectBuilder()
                                                .add("status", content.getString("status"))
                                                .add("result", content.getJsonObject("result"))
                                                .build()
                                                .toString())
                                .build());
                    // A run's final result ends its loop: only a session's next run sends it back, as
                    // what the assistant said.
                    case "final_result" -> text.append(content.getString("text", ""));
                    default -> {
                        // an error ends the loop; the model never needs it back
                    }
                }
            }
            if (text.length() == 0 && !anyCall) {
                return;
            }
            if (text.length() > 0) {
                assistant.add("content", text.toString());
            } else {
                assistant.addNull("content");
            }
            if (anyCall) {
                assistant.add("tool_calls", calls);
            }
            messages.add(assistant);
            results.forEach(messages::add);
        });
        JsonObjectBuilder body = Jsonp.createObjectBuilder()
                .add("model", model)
                .add("messages", messages)
                .add("max_tokens", maxTokens);
        if (!tools.isEmpty()) {
            JsonArrayBuilder functions = Jsonp.createArrayBuilder();
            for (ToolDescriptor tool : tools) {
                JsonObjectBuilder parameters = Jsonp.createObjectBuilder(tool.arguments());
                parameters.remove("$schema"); // not every server accepts it
                functions.add(Jsonp.createObjectBuilder()
                        .add("type", "function")
                        .add(
                                "function",
                                Jsonp.createObjectBuilder()
                                        .add("name", ToolNames.function(tool.name()))
                                        .add("description", tool.description())
                                        .add("parameters", parameters)));
            }
            body.add("tools", functions);
        }
        return body.build();
    }
}
