package dev.agentry.api.capabilities;

import dev.agentry.api.catalog.CollectionScoped;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.lifecycle.Deprecation;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects every resource class annotated with {@link ApiSurface} as CDI discovers it and derives
 * the API's routes from their JAX-RS and security annotations. A new resource appears in {@code
 * /capabilities} by being written, with nothing else to update.
 */
public class RouteCatalog implements Extension {

    private static final Map<ResourceMethod, String> TEMPLATES = new ConcurrentHashMap<>();

    private final Set<Class<?>> resources = ConcurrentHashMap.newKeySet();

    void collect(@Observes @WithAnnotations(ApiSurface.class) ProcessAnnotatedType<?> type) {
        Class<?> resource = type.getAnnotatedType().getJavaClass();
        if (resource.isAnnotationPresent(Path.class)) {
            resources.add(resource);
        }
    }

    /** Every surface with its routes, by surface name. */
    public List<Surface> surfaces() {
        Map<String, List<Route>> routes = new TreeMap<>();
        Map<String, Stability> stability = new TreeMap<>();
        Map<String, String> flags = new TreeMap<>();
        for (Class<?> resource : resources) {
            ApiSurface surface = resource.getAnnotation(ApiSurface.class);
            stability.merge(surface.value(), surface.stability(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (!surface.flag().isEmpty()) {
                flags.put(surface.value(), surface.flag());
            }
            routes.computeIfAbsent(surface.value(), name -> new ArrayList<>()).addAll(routesOf(resource));
        }
        return routes.entrySet().stream()
                .map(e -> new Surface(
                        e.getKey(),
                        stability.get(e.getKey()).wireName(),
                        e.getValue().stream()
                                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                                .toList(),
                        flags.get(e.getKey()),
                        true))
                .toList();
    }

    /** Every route marked {@link DeprecatedRoute}, by path. */
    public List<Deprecation> deprecations() {
        List<Deprecation> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                DeprecatedRoute deprecated = method.getAnnotation(DeprecatedRoute.class);
                String httpMethod = httpMethodOf(method);
                if (deprecated != null && httpMethod != null) {
                    found.add(new Deprecation(
                            httpMethod,
                            template(resource, method),
                            Instant.parse(deprecated.since()),
                            Instant.parse(deprecated.sunset()),
                            deprecated.successor(),
                            deprecated.reason()));
                }
            }
        }
        found.sort(Comparator.comparing(Deprecation::path).thenComparing(Deprecation::method));
        return found;
    }

    static List<Route> routesOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        List<Route> routes = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            // A parameter's regular expression ({path: .+}) is routing detail, not part of the route's name.
            String path = join(base, sub == null ? "" : sub.value()).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
            if (method.isAnnotationPresent(CollectionScoped.class)) {
                // One route per collection, each with its own scope.
                String template = "{" + CollectionScoped.PARAMETER + "}";
                for (CollectionDescriptor collection : CatalogCollections.ALL) {
                    routes.add(new Route(
                            httpMethod,
                            path.replace(template, collection.name()),
                            true,
                            List.of(collection.readScope())));
                }
                continue;
            }
            List<String> scopes = scopesOf(resource, method);
            routes.add(new Route(httpMethod, path, authenticated(resource, method), scopes));
        }
        return routes;
    }

    /** The HTTP method a resource method answers, or {@code null} when it is no resource method. */
    public static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** Whether the resource method needs a bearer token: it names scopes, or any token will do. */
    public static boolean authenticated(Class<?> resource, Method method) {
        return !scopesOf(resource, method).isEmpty()
                || method.isAnnotationPresent(Authenticated.class)
                || resource.isAnnotationPresent(Authenticated.class);
    }

    /** The scopes a token needs for the resource method (any one of them), sorted; empty when none is named. */
    public static List<String> scopesOf(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return roles == null ? List.of() : Arrays.stream(roles.value()).sorted().toList();
    }

    /** A resource method's path template below the API root, e.g. {@code /credentials/{id}}. */
    public static String template(Class<?> resource, Method method) {
        // Asked for every audited request; worked out once per resource method.
        return TEMPLATES.computeIfAbsent(new ResourceMethod(resource, method), ResourceMethod::template);
    }

    private record ResourceMethod(Class<?> resource, Method method) {

        String template() {
            Path base = resource.getAnnotation(Path.class);
            Path sub = method.getAnnotation(Path.class);
            return join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
        }
    }

    static String join(String base, String sub) {
        String path = "/" + strip(base) + "/" + strip(sub);
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }
}
