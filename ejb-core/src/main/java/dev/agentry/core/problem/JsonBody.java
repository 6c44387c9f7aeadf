package dev.agentry.core.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request's JSON object member by member, collecting a field error for every wrong type and
 * unknown member, rather than letting a mistyped field be silently ignored. {@link #done} then
 * refuses the request with all of them at once.
 */
public final class JsonBody {

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonBody(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
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
        JsonBody reader = new JsonBody(body.asJsonObject(), "", new ArrayList<>());
        reader.unknown(fields, what);
        return reader;
    }

    /**
     * The object member {@code field} read the same way, its errors named {@code field.member} and
     * reported by this body's {@link #done}; null when absent or not an object (then an error).
     */
    public JsonBody object(String field, Set<String> fields, String what) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(name(field), "not_an_object", name(field) + " must be an object"));
            return null;
        }
        JsonBody nested = new JsonBody(object, name(field) + ".", errors);
        nested.unknown(fields, what);
        return nested;
    }

    /** The member as it is, for members that are free-form JSON (context, metadata); objects only. */
    public JsonObject freeObject(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        errors.add(new FieldError(name(field), "not_an_object", name(field) + " must be an object"));
        return null;
    }

    /** Whether the member is an object; for members that take a string or, in stored form, an object. */
    public boolean isObject(String field) {
        return json.get(field) instanceof JsonObject;
    }

    /** The member as it is, for free-form arrays; null when absent. */
    public JsonArray freeArray(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        errors.add(new FieldError(name(field), "not_an_array", name(field) + " must be an array"));
        return null;
    }

    public Boolean bool(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        errors.add(new FieldError(name(field), "not_a_boolean", name(field) + " must be true or false"));
        return null;
    }

    /** The object member's members that are strings, by name; other types are errors. */
    public Map<String, String> stringMap(String field) {
        JsonObject object = freeObject(field);
        if (object == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (value instanceof JsonString s) {
                map.put(key, s.getString());
            } else {
                errors.add(new FieldError(name(field) + "." + key, "not_a_string", "each value must be a string"));
            }
        });
        return map;
    }

    /** Adds a rule's error, named within this body. */
    public void reject(String field, String code, String message) {
        errors.add(new FieldError(name(field), code, message));
    }

    private void unknown(Set<String> fields, String what) {
        json.keySet().stream()
                .filter(key -> !fields.contains(key))
                .sorted()
                .forEach(key -> errors.add(new FieldError(name(key), "unknown_field", name(key) + " is not " + what)));
    }

    private String name(String field) {
        return prefix + field;
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
        errors.add(new FieldError(name(field), "not_a_string", name(field) + " must be a string"));
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
        errors.add(new FieldError(name(field), "not_an_integer", name(field) + " must be an integer"));
        return null;
    }

    public List<String> strings(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(name(field), "not_an_array", name(field) + " must be an array of strings"));
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                strings.add(s.getString());
            } else {
                errors.add(new FieldError(name(field) + "[" + i + "]", "not_a_string", "each entry must be a string"));
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
