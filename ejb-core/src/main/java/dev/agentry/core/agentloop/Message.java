package dev.agentry.core.agentloop;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.schema.WrittenAs;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * One message of a run's conversation ({@code agentry/message/v1}).
 *
 * @param type {@code text}, {@code tool_call}, {@code tool_result}, {@code approval_required},
 *     {@code final_result} or {@code error}
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the type's fields, already redacted
 */
public record Message(
        int turn,

        @NotNull @Pattern(regexp = "^(text|tool_call|tool_result|approval_required|final_result|error)$")
        String type,

        @NotNull @Pattern(regexp = "^(system|user|assistant|tool)$")
        String role,

        @NotNull @WrittenAs(Instant.class) String at,
        @NotNull JsonObject content) {

    public static final String SCHEMA = "agentry/message/v1";

    public JsonObject toJson() {
        return Jsonp.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("turn", turn)
                .add("type", type)
                .add("role", role)
                .add("at", at)
                .add("content", content)
                .build();
    }
}
