package dev.agentry.core.tools;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;

/**
 * What a call came to.
 *
 * @param status {@code ok}, {@code error} (the tool refused or failed), {@code denied} (policy) or
 *     {@code previewed} (allowed in preview: recorded, not run)
 */
public record ToolOutcome(String status, JsonObject result) {

    public static ToolOutcome ok(JsonObject result) {
        return new ToolOutcome("ok", result);
    }

    public static ToolOutcome error(String code, String message) {
        return new ToolOutcome("error", problem(code, message));
    }

    public static ToolOutcome denied(String message) {
        return new ToolOutcome("denied", problem("tool_denied", message));
    }

    private static JsonObject problem(String code, String message) {
        return Jsonp.createObjectBuilder()
                .add("error", Jsonp.createObjectBuilder().add("code", code).add("message", message))
                .build();
    }
}
