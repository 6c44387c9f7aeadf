package dev.agentry.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON the core recorded (a run's task and evidence, an agent's memory policy) as plain
 * maps, lists, strings, numbers and booleans in their order, so a view carries no JSON-P types across
 * a module boundary and JSON-B writes it back unchanged.
 */
public final class JsonTree {

    private JsonTree() {}

    public static Map<String, Object> object(String json) {
        return json == null ? null : object(read(json).asJsonObject());
    }

    public static List<Object> array(String json) {
        return json == null ? null : array(read(json).asJsonArray());
    }

    public static List<String> strings(String json) {
        return array(json).stream().map(String.class::cast).toList();
    }

    /** The JSON text as JSON-P, for the run's own bundle and job; {@code null} is JSON null. */
    public static JsonValue parse(String json) {
        return json == null ? JsonValue.NULL : read(json);
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public static Map<String, Object> object(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach((name, value) -> map.put(name, plain(value)));
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> array(JsonArray json) {
        List<Object> list = new ArrayList<>(json.size());
        json.forEach(value -> list.add(plain(value)));
        return Collections.unmodifiableList(list);
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> object(value.asJsonObject());
            case ARRAY -> array(value.asJsonArray());
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number.bigIntegerValue();
            }
        }
        return number.bigDecimalValue();
    }
}
