package dev.agentry.api.request;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a request's JSON object member by member, collecting a field error for every wrong type and
 * unknown member, rather than letting a mistyped field be silently ignored. {@link #done} then
 * refuses the request with all of them at once.
 */
public final class JsonBody {

    private final JsonObject json;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /**
     * @param fields the members this body may have
     * @param what what the body describes, for the unknown-member message ("a credential field")
     */
    public static JsonBody of(JsonValue body, Set<String> fields, String what) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AgentryException.validation(
                    List.of(new FieldError("body", "not_an_object", "the body must be a JSON object")));
        }
        JsonBody reader = new JsonBody(body.asJsonObject());
        reader.json.keySet().stream()
                .filter(key -> !fields.contains(key))
                .sorted()
                .forEach(key -> reader.errors.add(new FieldError(key, "unknown_field", key + " is not " + what)));
        return reader;
    }

    public boolean has(String field) {
        return json.containsKey(field);
    }

    public String string(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(field, "not_a_string", field + " must be a string"));
        return null;
    }

    public Integer integer(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // fall through to the error: far out of range
            }
        }
        errors.add(new FieldError(field, "not_an_integer", field + " must be an integer"));
        return null;
    }

    public List<String> strings(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(field, "not_an_array", field + " must be an array of strings"));
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                strings.add(s.getString());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", "not_a_string", "each entry must be a string"));
            }
        }
        return strings;
    }

    /** Refuses the request if any member was wrong. */
    public void done() {
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
    }
}
