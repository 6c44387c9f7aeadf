package dev.agentry.core.schema;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The values an enum takes on the wire. The API writes a closed set as its lowercase name ({@code RunStatus},
 * {@code LagBucket}, {@code ToolAction} ...) through a {@code wire()} or {@code wireName()} method, so that
 * method, when the enum has one, is what its schema lists.
 */
final class WireValues {

    private WireValues() {}

    static List<String> of(Class<?> type) {
        Method wire = wireMethod(type);
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> wire == null ? ((Enum<?>) constant).name() : invoke(wire, constant))
                .toList();
    }

    static boolean hasWireForm(Class<?> type) {
        return type.isEnum() && wireMethod(type) != null;
    }

    private static Method wireMethod(Class<?> type) {
        for (String name : List.of("wire", "wireName")) {
            try {
                Method method = type.getMethod(name);
                if (method.getReturnType() == String.class && !Modifier.isStatic(method.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException e) {
                // not this convention
            }
        }
        return null;
    }

    private static String invoke(Method wire, Object constant) {
        try {
            return (String) wire.invoke(constant);
        } catch (ReflectiveOperationException e) {
            return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
        }
    }
}
