package dev.agentry.api.policy;

import dev.agentry.api.capabilities.Route;
import dev.agentry.api.capabilities.RouteCatalog;
import dev.agentry.api.capabilities.Surface;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authentication comes before content negotiation. The JAX-RS runtime refuses a request for its media
 * types (415, 406) while choosing the resource method, before any filter that checks the token has run;
 * for a route that needs a token, a caller without a valid one is told that instead, and learns nothing
 * about what the route consumes or produces.
 */
@ApplicationScoped
public class AuthenticationFirst {

    private record Guarded(String method, Pattern path) {}

    @Inject
    RouteCatalog routes;

    @Inject
    BearerToken bearerToken;

    private volatile List<Guarded> guarded;

    /**
     * The 401 code to answer instead of a media-type refusal, if the caller is not authenticated and some
     * route at {@code path} (below the API root) for {@code method} needs a token.
     */
    public Optional<ErrorCode> instead(
            ErrorCode refusal, Object principal, String authorization, String method, String path) {
        if ((refusal != ErrorCode.UNSUPPORTED_MEDIA_TYPE && refusal != ErrorCode.NOT_ACCEPTABLE)
                || principal instanceof JsonWebToken
                || !needsToken(method, path)) {
            return Optional.empty();
        }
        return Optional.of(bearerToken.failure(authorization));
    }

    boolean needsToken(String method, String path) {
        return guarded().stream()
                .anyMatch(route -> route.method().equals(method)
                        && route.path().matcher(path).matches());
    }

    private List<Guarded> guarded() {
        List<Guarded> known = guarded;
        if (known == null) {
            known = routes.surfaces().stream()
                    .map(Surface::routes)
                    .flatMap(List::stream)
                    .filter(Route::authenticated)
                    .map(route -> new Guarded(route.method(), template(route.path())))
                    .toList();
            guarded = known;
        }
        return known;
    }

    /** {@code /runs/{id}/cancel} matches {@code /runs/r-1/cancel}: a variable is one path segment. */
    static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("\\{[^}]+}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
