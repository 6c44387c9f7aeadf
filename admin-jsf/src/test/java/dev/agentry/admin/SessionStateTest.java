package dev.agentry.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console's session is distributable (web.xml): on a cluster every view- and session-scoped bean is
 * marshalled to the other node, and one field that cannot be breaks the whole session's replication (and
 * with it a rejoining node's start). So every field such a bean keeps must be serializable, and so must
 * every type it holds: collection elements, map keys and values, record components. Injected fields are
 * the container's serializable proxies; transient fields are reloaded by their page.
 */
class SessionStateTest {

    @Test
    void everyStateTheSessionKeepsIsSerializable() {
        List<String> problems = new ArrayList<>();
        int beans = 0;
        for (JavaClass bean : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.agentry.admin")) {
            if (!(bean.isAnnotatedWith(ViewScoped.class)
                    || bean.isAnnotatedWith(SessionScoped.class)
                    || bean.isAnnotatedWith(ConversationScoped.class))) {
                continue;
            }
            beans++;
            Class<?> type = bean.reflect();
            if (!Serializable.class.isAssignableFrom(type)) {
                problems.add(type.getName() + " is not Serializable");
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers)
                            || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(Inject.class)) {
                        continue;
                    }
                    check(field.getGenericType(), c.getSimpleName() + "." + field.getName(), problems, new HashSet<>());
                }
            }
        }
        assertEquals(true, beans > 10, "the scan found the console's page beans");
        assertEquals(List.of(), problems);
    }

    private static void check(Type type, String path, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, problems, seen);
            }
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == Optional.class) {
                problems.add(path + " is an Optional, which is not Serializable");
                return;
            }
            if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
                check(raw, path, problems, seen);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", problems, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return; // a type variable: bound by its declaration, checked where it is used
        }
        if (c.isPrimitive() || c.isEnum() || c == Object.class) {
            return;
        }
        if (c.isArray()) {
            check(c.getComponentType(), path + "[]", problems, seen);
            return;
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return; // the declared interfaces: List.of, Map.of, ArrayList, TreeMap... are Serializable
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + " holds " + c.getName() + ", which is not Serializable");
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                check(component.getGenericType(), path + "." + component.getName(), problems, seen);
            }
        } else if (c.getName().startsWith("dev.agentry.")) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    check(field.getGenericType(), path + "." + field.getName(), problems, seen);
                }
            }
        }
    }
}
