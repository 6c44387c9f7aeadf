package dev.agentry.core.templates;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A parameterised task input. Its {@code task} is an {@code agentry/task-input/v1} in which a string
 * {@code "{{name}}"} stands for the parameter's value (of its own JSON type) and {@code {{name}}} inside a
 * longer string for its text.
 *
 * @param parameters the JSON Schema of the parameters: an object of named properties, each of type
 *     string, integer, boolean or array, optionally with {@code enum}, {@code maxLength} and {@code default}
 * @param scopes the scopes a credential needs to submit the run and to let its tools read what they read
 * @param tools the tools the rendered task allows
 * @param origin where it came from: {@code shipped} or {@code file:<name>}
 */
public record TaskTemplate(
        @NotNull String id,
        @NotNull String title,
        @NotNull String description,
        @NotNull @Doc("JSON Schema of the parameters") JsonObject parameters,

        @NotNull @Doc("the task input it renders to, with {{parameter}} placeholders")
        JsonObject task,

        @NotNull List<String> scopes,
        @NotNull List<String> tools,
        @NotNull String origin) {}
