package dev.agentry.api.openapi;

import dev.agentry.api.capabilities.RouteCatalog;
import dev.agentry.api.catalog.CollectionScoped;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Names every operation and states its security requirement from the resource method it was scanned
 * from. The platform names an operation {@code <package>.<Class>_<method>} (configured {@code
 * mp.openapi.extensions.smallrye.operationIdStrategy=PACKAGE_CLASS_METHOD}); this turns that into a
 * stable, generator-friendly {@code credentialsCreate} and reads the method's {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @Authenticated} the way {@code /capabilities} and the policy filter do, and
 * its enum query parameters' types ({@link TypedParameters#enumerate}).
 */
final class ResourceOperations {

    private ResourceOperations() {}

    static void name(OpenAPI openAPI) {
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(ResourceOperations::name));
    }

    private static void name(Operation operation) {
        String scanned = operation.getOperationId();
        int separator = scanned == null ? -1 : scanned.lastIndexOf('_');
        if (separator < 0) {
            return; // named explicitly in its @Operation
        }
        String className = scanned.substring(0, separator);
        String methodName = scanned.substring(separator + 1);
        String noun = noun(className.substring(className.lastIndexOf('.') + 1));
        operation.setOperationId(noun + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1));
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(List.of(noun));
        }
        resourceMethod(className, methodName).ifPresent(method -> {
            if (!method.isAnnotationPresent(CollectionScoped.class)) {
                operation.setSecurity(security(method.getDeclaringClass(), method));
            }
            TypedParameters.enumerate(operation, method);
        });
    }

    /** {@code CredentialsResource} is {@code credentials}, {@code SyncStateResource} is {@code syncState}. */
    static String noun(String simpleClassName) {
        String noun = simpleClassName.endsWith("Resource")
                ? simpleClassName.substring(0, simpleClassName.length() - "Resource".length())
                : simpleClassName;
        return noun.substring(0, 1).toLowerCase(Locale.ROOT) + noun.substring(1);
    }

    /**
     * A token holding any one of the method's scopes; a token with any scope when it needs no particular
     * one; none at all (the empty requirement) for a public route.
     */
    static List<SecurityRequirement> security(Class<?> resource, Method method) {
        if (!RouteCatalog.authenticated(resource, method)) {
            return List.of(OASFactory.createSecurityRequirement());
        }
        List<String> scopes = RouteCatalog.scopesOf(resource, method);
        if (scopes.isEmpty()) {
            return List.of(OAuthScheme.requirement(List.of()));
        }
        return scopes.stream()
                .map(scope -> OAuthScheme.requirement(List.of(scope)))
                .toList();
    }

    private static Optional<Method> resourceMethod(String className, String methodName) {
        try {
            Class<?> resource = Class.forName(className, false, ResourceOperations.class.getClassLoader());
            return Arrays.stream(resource.getMethods())
                    .filter(m -> m.getName().equals(methodName) && RouteCatalog.httpMethodOf(m) != null)
                    .findFirst();
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // not a class of this module: documented as scanned
        }
    }
}
