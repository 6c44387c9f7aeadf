package dev.agentry.api.credentials;

import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a credential's JSON fields with a field error for every wrong type and unknown member, rather
 * than letting a mistyped field be silently ignored.
 */
final class CredentialJson {

    private static final Set<String> FIELDS = Set.of(
            "name", "owner", "description", "scopes", "eventInterests", "ttlDays", "reminderDays", "ipAllowlist");

    private final JsonObject json;
    private final List<FieldError> errors = new ArrayList<>();

    private CredentialJson(JsonObject json) {
        this.json = json;
    }

    static CredentialRequest read(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AgentryException.validation(
                    List.of(new FieldError("body", "not_an_object", "the body must be a JSON object")));
        }
        CredentialJson reader = new CredentialJson(body.asJsonObject());
        reader.json.keySet().stream()
                .filter(key -> !FIELDS.contains(key))
                .sorted()
                .forEach(key ->
                        reader.errors.add(new FieldError(key, "unknown_field", key + " is not a credential field")));
        CredentialRequest request = new CredentialRequest(
                reader.string("name"),
                reader.string("owner"),
                reader.string("description"),
                reader.strings("scopes"),
                reader.strings("eventInterests"),
                reader.integer("ttlDays"),
                reader.json.containsKey("ttlDays"),
                reader.integer("reminderDays"),
                reader.strings("ipAllowlist"));
        if (!reader.errors.isEmpty()) {
            throw AgentryException.validation(reader.errors);
        }
        return request;
    }

    private String string(String field) {
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

    private Integer integer(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // fall through to the error: far out of range
            }
        }
        errors.add(new FieldError(field, "not_an_integer", field + " must be an integer"));
        return null;
    }

    private List<String> strings(String field) {
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
}
