package dev.agentry.core.validation;

import dev.agentry.core.Boundary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a JSON value onto a request record with JSON-B, after checking its shape against the record's
 * components: JSON-B alone would report only the first problem, as an exception message, and would
 * silently drop an unknown member. Every member of the wrong type and every unknown member is named
 * (with its path, e.g. {@code workspace.seed} or {@code scopes[2]}) and left out of the value that is
 * bound, so the record's constraints can still be checked and the caller hears of every problem at
 * once. Codes: {@code not_an_object}, {@code not_an_array}, {@code not_a_string}, {@code
 * not_an_integer}, {@code not_a_boolean}, {@code unknown_field}.
 */
@Boundary
public final class JsonRecords {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * The value bound, and the problems of its shape.
     *
     * @param value the record, with every misshapen member absent (a list entry of the wrong type is null)
     * @param errors the shape's problems; the request is refused when there is any
     */
    public record Bound<T>(T value, List<FieldError> errors) {
        public Bound {
            errors = List.copyOf(errors);
        }

        /** The shape's errors and every constraint the rest of the value breaks in these groups. */
        public List<FieldError> withViolations(Validator validator, Class<?>... groups) {
            return value == null ? errors : Violations.merged(errors, validator.validate(value, groups));
        }
    }

    private JsonRecords() {}

    /**
     * The record {@code body} describes, for a reader that is its own boundary (such as definition
     * files): refused with every shape error and every constraint broken in {@code groups}, if any.
     */
    public static <T extends Record> T read(JsonValue body, Class<T> type, Validator validator, Class<?>... groups) {
        Bound<T> bound = bind(body, type);
        List<FieldError> errors = bound.withViolations(validator, groups);
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        return bound.value();
    }

    /**
     * A record as JSON-B writes it (its members in its {@code @JsonbPropertyOrder}, unset ones left out), as a
     * stored task or agent is kept; it reads back with {@link #bind}.
     */
    public static String write(Record value) {
        return JSONB.toJson(value);
    }

    /** Binds {@code body} onto {@code type}; a body that is not a JSON object binds to nothing. */
    public static <T extends Record> Bound<T> bind(JsonValue body, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        if (!(body instanceof JsonObject object)) {
            errors.add(new FieldError("body", "not_an_object", "the body must be a JSON object"));
            return new Bound<>(null, errors);
        }
        JsonObject clean = object(object, type, "", errors);
        return new Bound<>(JSONB.fromJson(clean.toString(), type), errors);
    }

    /** The record's JSON members; a {@link Presence} component is filled from its member's presence. */
    private static JsonObject object(JsonObject json, Class<?> type, String prefix, List<FieldError> errors) {
        Shape shape = SHAPES.get(type);
        json.keySet().stream()
                .filter(key -> !shape.members().contains(key))
                .sorted()
                .forEach(key -> errors.add(
                        new FieldError(prefix + key, "unknown_field", prefix + key + " is not a field here")));
        JsonObjectBuilder clean = Jsonp.createObjectBuilder();
        for (Component component : shape.components()) {
            if (component.presenceOf() != null) {
                clean.add(component.name(), json.containsKey(component.presenceOf()));
                continue;
            }
            JsonValue value = json.get(component.name());
            if (value != null && value != JsonValue.NULL) {
                JsonValue checked = value(value, component.type(), prefix + component.name(), errors);
                if (checked != null) {
                    clean.add(component.name(), checked);
                }
            }
        }
        return clean.build();
    }

    /**
     * A record's components as binding needs them, read once per type: {@link Class#getRecordComponents} answers
     * fresh objects whose annotations and generic types are parsed again on every call, a cost every bound body
     * (and every MCP tool call's arguments) would otherwise pay.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            List<Component> components = Arrays.stream(type.getRecordComponents())
                    .map(c -> {
                        Presence presence = c.getAnnotation(Presence.class);
                        return new Component(
                                c.getName(), c.getGenericType(), presence == null ? null : presence.value());
                    })
                    .toList();
            Set<String> members = components.stream()
                    .filter(c -> c.presenceOf() == null)
                    .map(Component::name)
                    .collect(Collectors.toUnmodifiableSet());
            return new Shape(components, members);
        }
    };

    /**
     * A record type's components and the JSON members they bind.
     *
     * @param components every component, in declaration order
     * @param members the names of the components bound from a member (all but the {@link Presence} ones)
     */
    private record Shape(List<Component> components, Set<String> members) {}

    /**
     * One record component.
     *
     * @param name its name, the JSON member it binds
     * @param type its generic type
     * @param presenceOf the member whose presence it records ({@link Presence}), or null
     */
    private record Component(String name, Type type, String presenceOf) {}

    /** The value if it fits the type (its misfit parts removed), else null with the error added. */
    private static JsonValue value(JsonValue value, Type type, String field, List<FieldError> errors) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return expect(value instanceof JsonString, value, field, "not_a_string", "a string", errors);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            boolean fits = value instanceof JsonNumber n && n.isIntegral() && fitsInt(n, raw);
            return expect(fits, value, field, "not_an_integer", "an integer", errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            boolean fits = value == JsonValue.TRUE || value == JsonValue.FALSE;
            return expect(fits, value, field, "not_a_boolean", "true or false", errors);
        }
        if (raw == JsonObject.class) {
            return expect(value instanceof JsonObject, value, field, "not_an_object", "an object", errors);
        }
        if (raw == JsonArray.class) {
            return expect(value instanceof JsonArray, value, field, "not_an_array", "an array", errors);
        }
        if (raw == JsonValue.class) {
            return value;
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                return expect(false, value, field, "not_an_array", "an array", errors);
            }
            Type element = argument(type, 0);
            JsonArrayBuilder clean = Jsonp.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                JsonValue entry = array.get(i);
                JsonValue checked =
                        entry == JsonValue.NULL ? null : value(entry, element, field + "[" + i + "]", errors);
                // A misfit entry stays as null so that the entries after it keep their index.
                clean.add(checked == null ? JsonValue.NULL : checked);
            }
            return clean.build();
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                return expect(false, value, field, "not_an_object", "an object", errors);
            }
            Type element = argument(type, 1);
            JsonObjectBuilder clean = Jsonp.createObjectBuilder();
            object.forEach((key, entry) -> {
                JsonValue checked = entry == JsonValue.NULL ? null : value(entry, element, field + "." + key, errors);
                if (checked != null) {
                    clean.add(key, checked);
                }
            });
            return clean.build();
        }
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                return expect(false, value, field, "not_an_object", "an object", errors);
            }
            return object(object, raw, field + ".", errors);
        }
        throw new IllegalArgumentException("A request record cannot have a component of type " + type);
    }

    private static JsonValue expect(
            boolean fits, JsonValue value, String field, String code, String what, List<FieldError> errors) {
        if (fits) {
            return value;
        }
        errors.add(new FieldError(field, code, field + " must be " + what));
        return null;
    }

    private static boolean fitsInt(JsonNumber number, Class<?> raw) {
        try {
            if (raw == Long.class || raw == long.class) {
                number.longValueExact();
            } else {
                number.intValueExact();
            }
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("A request record cannot have a component of type " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
