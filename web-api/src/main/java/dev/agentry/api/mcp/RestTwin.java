package dev.agentry.api.mcp;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The REST operation an MCP tool stands for, read off its resource method, so that a tool's scopes and
 * description are the route's own and cannot drift from them.
 *
 * @param scopes the route's {@code @RolesAllowed}
 * @param summary the route's OpenAPI summary
 */
record RestTwin(List<String> scopes, String summary) {

    static RestTwin of(Class<?> resource, String methodName) {
        Method method = Arrays.stream(resource.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName) && m.isAnnotationPresent(Operation.class))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(resource.getSimpleName() + "." + methodName));
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return new RestTwin(
                List.of(roles.value()), method.getAnnotation(Operation.class).summary());
    }
}
