package dev.agentry.api.openapi;

import dev.agentry.api.auth.TokenEndpoint;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.GrantableScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The API's one security scheme: OAuth 2.0 client credentials at the token endpoint, with every scope
 * a credential can be granted and what it allows, taken from the scope catalog that {@code
 * /capabilities} also serves (governed-write scopes stay hidden while governed writes are off).
 */
final class OAuthScheme {

    static final String NAME = "oauth2";

    private OAuthScheme() {}

    static SecurityRequirement requirement(List<String> scopes) {
        return OASFactory.createSecurityRequirement().addScheme(NAME, scopes);
    }

    static void declare(OpenAPI openAPI) {
        Map<String, String> scopes = new LinkedHashMap<>();
        // The platform runs the filter that calls this before CDI is there: the switch is read from config.
        for (GrantableScope scope : GovernedWrites.configured().offeredScopes()) {
            scopes.put(scope.scope(), scope.description());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        NAME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("A bearer access token (RS256 JWT) from the client credentials grant;"
                                        + " a route that names scopes needs a token holding one of them.")
                                .flows(OASFactory.createOAuthFlows()
                                        .clientCredentials(OASFactory.createOAuthFlow()
                                                .tokenUrl(TokenEndpoint.URI)
                                                .scopes(scopes))));
    }
}
