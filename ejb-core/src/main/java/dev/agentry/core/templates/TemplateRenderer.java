package dev.agentry.core.templates;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks parameters against a template's parameter schema, naming every problem as {@code
 * parameters.<name>}, and renders the template's task with them. Only the schema keywords a template
 * may use are understood (type, enum, maxLength, default, required); an unknown parameter is refused.
 */
final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean", "array");

    private TemplateRenderer() {}

    /** The problems of a template's own parameter schema; empty when usable. */
    static List<String> problemsOf(TaskTemplate template) {
        List<String> problems = new ArrayList<>();
        JsonObject properties = template.parameters().getJsonObject("properties");
        if (properties == null) {
            problems.add("parameters has no properties");
            return problems;
        }
        properties.forEach((name, schema) -> {
            if (!(schema instanceof JsonObject object) || !TYPES.contains(object.getString("type", ""))) {
                problems.add("parameter " + name + " needs a type of " + new TreeSet<>(TYPES));
            }
        });
        Matcher used = PLACEHOLDER.matcher(template.task().toString());
        while (used.find()) {
            if (!properties.containsKey(used.group(1))) {
                problems.add("the task uses {{" + used.group(1) + "}}, which is no parameter");
            }
        }
        return problems;
    }

    /** The parameters with defaults applied, and every problem with them. */
    static Map.Entry<JsonObject, List<FieldError>> check(TaskTemplate template, JsonObject given) {
        JsonObject properties = template.parameters().getJsonObject("properties");
        Set<String> required = new TreeSet<>();
        JsonArray names = template.parameters().getJsonArray("required");
        if (names != null) {
            names.getValuesAs(JsonString.class).forEach(n -> required.add(n.getString()));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonObjectBuilder values = Jsonp.createObjectBuilder();
        new TreeSet<>(given.keySet())
                .stream()
                        .filter(name -> !properties.containsKey(name))
                        .forEach(name -> errors.add(new FieldError(
                                "parameters." + name,
                                "unknown_field",
                                name + " is not a parameter of " + template.id())));
        for (String name : new TreeSet<>(properties.keySet())) {
            JsonObject schema = properties.getJsonObject(name);
            JsonValue value = given.get(name);
            String field = "parameters." + name;
            if (value == null || value == JsonValue.NULL) {
                if (schema.containsKey("default")) {
                    values.add(name, schema.get("default"));
                } else if (required.contains(name)) {
                    errors.add(new FieldError(field, "required", name + " is required"));
                }
                continue;
            }
            Problem problem = problem(schema, value);
            if (problem != null) {
                errors.add(new FieldError(field, problem.code(), name + " " + problem.message()));
            } else {
                values.add(name, value);
            }
        }
        return Map.entry(values.build(), errors);
    }

    private record Problem(String code, String message) {}

    /** Why its schema refuses a value, or null. */
    private static Problem problem(JsonObject schema, JsonValue value) {
        String type = schema.getString("type");
        boolean fits = switch (type) {
            case "string" -> value instanceof JsonString;
            case "integer" -> value instanceof JsonNumber n && n.isIntegral();
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "array" -> value instanceof JsonArray;
            default -> false;
        };
        if (!fits) {
            String article = type.equals("array") || type.equals("integer") ? "an" : "a";
            return new Problem("not_" + article + "_" + type, "must be " + article + " " + type);
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            return new Problem("not_allowed", "must be one of " + allowed);
        }
        if (value instanceof JsonString s
                && schema.containsKey("maxLength")
                && s.getString().length() > schema.getInt("maxLength")) {
            return new Problem("too_long", "must be at most " + schema.getInt("maxLength") + " characters");
        }
        return null;
    }

    /** The template's task with every placeholder replaced; members whose parameter has no value are left out. */
    static JsonObject render(JsonObject task, JsonObject values) {
        JsonObjectBuilder rendered = Jsonp.createObjectBuilder();
        task.forEach((name, value) -> {
            JsonValue filled = fill(value, values);
            if (filled != null) {
                rendered.add(name, filled);
            }
        });
        return rendered.build();
    }

    private static JsonValue fill(JsonValue value, JsonObject values) {
        if (value instanceof JsonObject object) {
            return render(object, values);
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder rendered = Jsonp.createArrayBuilder();
            array.forEach(item -> {
                JsonValue filled = fill(item, values);
                if (filled != null) {
                    rendered.add(filled);
                }
            });
            return rendered.build();
        }
        if (!(value instanceof JsonString string)) {
            return value;
        }
        Matcher whole = PLACEHOLDER.matcher(string.getString());
        if (whole.matches()) {
            return values.get(whole.group(1));
        }
        Matcher part = PLACEHOLDER.matcher(string.getString());
        StringBuilder text = new StringBuilder();
        while (part.find()) {
            JsonValue v = values.get(part.group(1));
            String replacement = v == null ? "" : v instanceof JsonString s ? s.getString() : v.toString();
            part.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        part.appendTail(text);
        return Jsonp.createValue(text.toString());
    }
}
