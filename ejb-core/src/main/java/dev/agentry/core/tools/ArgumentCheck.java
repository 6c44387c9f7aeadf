package dev.agentry.core.tools;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a call's arguments against its tool's JSON Schema, for the keywords the catalog's schemas
 * use: {@code type} (object, string, boolean, integer), {@code properties}, {@code required}, {@code
 * additionalProperties: false}, {@code minimum}, {@code maximum}. {@link #KEYWORDS} lists them, and a
 * test keeps every catalog schema inside them, so a tool cannot gain a rule this check would ignore.
 * The answer is one sentence for the model, naming the argument.
 */
final class ArgumentCheck {

    static final Set<String> KEYWORDS = Set.of(
            "$schema", "type", "properties", "required", "additionalProperties", "description", "minimum", "maximum");

    private ArgumentCheck() {}

    /** Why the arguments do not fit the schema, or empty when they do. */
    static Optional<String> problem(JsonObject schema, JsonObject arguments) {
        JsonObject properties = schema.getJsonObject("properties");
        if (schema.get("required") instanceof jakarta.json.JsonArray required) {
            for (JsonValue name : required) {
                String member = ((JsonString) name).getString();
                if (!arguments.containsKey(member)) {
                    return Optional.of("The argument " + member + " is required.");
                }
            }
        }
        for (var entry : arguments.entrySet()) {
            JsonObject property = properties == null ? null : properties.getJsonObject(entry.getKey());
            if (property == null) {
                if (schema.get("additionalProperties") == JsonValue.FALSE) {
                    return Optional.of("There is no argument " + quoted(entry.getKey()) + ".");
                }
                continue;
            }
            Optional<String> wrong = valueProblem(entry.getKey(), property, entry.getValue());
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valueProblem(String name, JsonObject property, JsonValue value) {
        String type = property.getString("type", null);
        boolean fits = switch (type == null ? "" : type) {
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "integer" -> value instanceof JsonNumber n && n.isIntegral();
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            default -> true;
        };
        if (!fits) {
            return Optional.of("The argument " + name + " must be " + article(type) + " " + type + ".");
        }
        if (value instanceof JsonNumber number) {
            if (property.get("minimum") instanceof JsonNumber min && number.longValue() < min.longValue()) {
                return Optional.of("The argument " + name + " is at least " + min + ".");
            }
            if (property.get("maximum") instanceof JsonNumber max && number.longValue() > max.longValue()) {
                return Optional.of("The argument " + name + " is at most " + max + ".");
            }
        }
        return Optional.empty();
    }

    private static String article(String type) {
        return type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    /** A name the model made up, kept short and printable in what it hears back. */
    private static String quoted(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return "\"" + UnicodeText.wellFormed(shown).replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
