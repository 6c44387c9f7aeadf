package dev.agentry.core.control;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.validation.JsonRecords;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * An action's input bound onto its record and validated, with the hash an approval is bound by: the
 * SHA-256 of the action's name and the input as canonical JSON (members sorted), so the same input
 * written in another member order is the same input, and any other value is not.
 */
record BoundInput(GovernedAction<?> action, Record value, JsonObject json, String hash) {

    /** Binds {@code input}, refusing with {@code validation_failed} naming each field as {@code input.<field>}. */
    static BoundInput of(GovernedAction<?> action, JsonObject input, Validator validator) {
        JsonRecords.Bound<? extends Record> bound = JsonRecords.bind(input, action.input());
        List<FieldError> errors = bound.withViolations(validator).stream()
                .map(e -> new FieldError("input." + e.field(), e.code(), e.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        return new BoundInput(action, bound.value(), input, hash(action.name(), input));
    }

    /** Refuses with {@code not_found} an input naming a record {@code grant} does not reach (see {@link GovernedAction#requireReachable}). */
    void requireReachable(Grant grant) {
        requireReachableAs(action, grant, value);
    }

    /** Applies the action to this input, as {@code grant}. */
    ActionEffect apply(Grant grant) {
        return applyAs(action, grant, value);
    }

    /** The effect applying would have, for a simulation (see {@link GovernedAction#preview}). */
    ActionEffect preview(Grant grant) {
        return previewAs(action, grant, value);
    }

    private static <I extends Record> void requireReachableAs(GovernedAction<I> action, Grant grant, Record value) {
        action.requireReachable(grant, action.input().cast(value));
    }

    private static <I extends Record> ActionEffect applyAs(GovernedAction<I> action, Grant grant, Record value) {
        return action.apply(grant, action.input().cast(value));
    }

    private static <I extends Record> ActionEffect previewAs(GovernedAction<I> action, Grant grant, Record value) {
        return action.preview(grant, action.input().cast(value));
    }

    static String hash(String action, JsonValue input) {
        return FileDigest.of((action + "\n" + canonical(input)).getBytes(StandardCharsets.UTF_8));
    }

    static String canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            StringBuilder out = new StringBuilder("{");
            for (String key : new TreeSet<>(object.keySet())) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(Jsonp.createValue(key)).append(':').append(canonical(object.get(key)));
            }
            return out.append('}').toString();
        }
        if (value instanceof JsonArray array) {
            StringBuilder out = new StringBuilder("[");
            for (JsonValue item : array) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(canonical(item));
            }
            return out.append(']').toString();
        }
        return value.toString();
    }
}
