package dev.agentry.api.openapi;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.Reference;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Writes a MicroProfile OpenAPI model as the OpenAPI JSON it describes, through the model's own
 * interfaces only (the platform's serializer is a private module of the server). Each model
 * interface's getters are the OAS fields of the same name, with the few renames the API spells out
 * ({@code getGET} is {@code get}, {@code getDefaultValue} is {@code default}, ...); the map-like
 * objects (paths, responses, content, callbacks, security requirements) are written as their maps, a
 * schema as all its JSON Schema keywords, and extensions inline.
 */
final class OpenApiJson {

    private static final String MODELS = "org.eclipse.microprofile.openapi.models";
    private static final Set<Class<?>> MIXINS = Set.of(Constructible.class, Extensible.class, Reference.class);
    private static final Map<String, String> RENAMED = Map.of("defaultValue", "default", "enumeration", "enum");

    private OpenApiJson() {}

    static JsonValue write(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return Jsonp.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal decimal) {
            return Jsonp.createValue(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Jsonp.createValue(integer);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Jsonp.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Jsonp.createValue(number.doubleValue());
        }
        if (value instanceof Enum<?> constant) {
            return Jsonp.createValue(constant.toString()); // the model's enums print their OAS spelling
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Jsonp.createObjectBuilder();
            map.forEach((key, member) -> {
                if (member != null) {
                    object.add(String.valueOf(key), write(member));
                }
            });
            return object.build();
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder array = Jsonp.createArrayBuilder();
            collection.forEach(element -> array.add(write(element)));
            return array.build();
        }
        if (value instanceof Schema schema) {
            return schema(schema);
        }
        if (value instanceof Constructible model) {
            return model(model);
        }
        return Jsonp.createValue(value.toString());
    }

    /**
     * Every keyword of the schema; a single type as a string, as OAS documents usually spell it; a boolean schema
     * ({@code additionalProperties: false}) as its boolean.
     */
    private static JsonValue schema(Schema schema) {
        if (schema.getBooleanSchema() != null) {
            return schema.getBooleanSchema() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
        schema.getAll().forEach((keyword, member) -> {
            if (member == null) {
                return;
            }
            if (keyword.equals("type") && member instanceof List<?> types && types.size() == 1) {
                object.add(keyword, write(types.get(0)));
            } else {
                object.add(keyword, write(member));
            }
        });
        return object.build();
    }

    private static JsonValue model(Constructible model) {
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
        if (model instanceof Reference<?> reference && reference.getRef() != null) {
            object.add("$ref", reference.getRef());
        }
        Map<String, ?> entries = entries(model);
        if (entries != null) {
            entries.forEach((key, member) -> {
                if (member != null) {
                    object.add(key, write(member));
                }
            });
        } else {
            for (Method getter : getters(model)) {
                Object member = invoke(getter, model);
                if (member != null) {
                    object.add(fieldName(getter), write(member));
                }
            }
        }
        if (model instanceof Extensible<?> extensible && extensible.getExtensions() != null) {
            extensible.getExtensions().forEach((name, member) -> {
                if (member != null) {
                    object.add(name, write(member));
                }
            });
        }
        return object.build();
    }

    /** The map a map-like OAS object is written as, or null for the others. */
    private static Map<String, ?> entries(Constructible model) {
        if (model instanceof Paths paths) {
            return paths.getPathItems();
        }
        if (model instanceof APIResponses responses) {
            return responses.getAPIResponses();
        }
        if (model instanceof Content content) {
            return content.getMediaTypes();
        }
        if (model instanceof Callback callback) {
            return callback.getPathItems();
        }
        if (model instanceof SecurityRequirement requirement) {
            return requirement.getSchemes() == null ? Map.of() : requirement.getSchemes();
        }
        return null;
    }

    /** The no-argument getters of the model interfaces the object implements, in name order. */
    private static List<Method> getters(Constructible model) {
        Deque<Class<?>> pending =
                new ArrayDeque<>(Arrays.asList(model.getClass().getInterfaces()));
        Class<?> type = model.getClass().getSuperclass();
        while (type != null) {
            pending.addAll(Arrays.asList(type.getInterfaces()));
            type = type.getSuperclass();
        }
        java.util.Map<String, Method> getters = new java.util.TreeMap<>();
        while (!pending.isEmpty()) {
            Class<?> candidate = pending.pop();
            pending.addAll(Arrays.asList(candidate.getInterfaces()));
            if (!candidate.getPackageName().startsWith(MODELS) || MIXINS.contains(candidate)) {
                continue;
            }
            for (Method method : candidate.getDeclaredMethods()) {
                if (method.getParameterCount() == 0
                        && method.getName().startsWith("get")
                        && !Modifier.isStatic(method.getModifiers())
                        // PathItem's map of its operations repeats its get, put, ... fields
                        && !method.getName().equals("getOperations")) {
                    getters.putIfAbsent(method.getName(), method);
                }
            }
        }
        return getters.values().stream()
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    /** {@code getGET} is {@code get}, {@code getDefaultValue} {@code default}, {@code getTokenUrl} {@code tokenUrl}. */
    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT);
        }
        String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return RENAMED.getOrDefault(field, field);
    }

    private static Object invoke(Method getter, Object model) {
        try {
            return getter.invoke(model);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("The OpenAPI model cannot be read: " + getter.getName(), e);
        }
    }
}
