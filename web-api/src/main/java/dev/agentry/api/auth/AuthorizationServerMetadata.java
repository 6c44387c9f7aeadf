package dev.agentry.api.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * RFC 8414 section 2: what an OAuth 2.0 client needs to obtain and check Agentry's access tokens, given
 * only the issuer. Agentry grants client credentials only, so there is no authorization endpoint and no
 * response type: {@code response_types_supported}, which the RFC requires, is honestly empty.
 *
 * @param issuer the issuer identifier, equal to every token's {@code iss}
 * @param tokenEndpoint where {@code POST} obtains a token
 * @param jwksUri the keys that verify the tokens
 * @param scopesSupported every scope a credential can hold now
 * @param responseTypesSupported none: there is no authorization endpoint
 * @param grantTypesSupported {@code client_credentials}
 * @param tokenEndpointAuthMethodsSupported HTTP Basic or the form body (RFC 6749 section 2.3.1)
 */
@JsonbPropertyOrder({
    "issuer",
    "tokenEndpoint",
    "jwksUri",
    "scopesSupported",
    "responseTypesSupported",
    "grantTypesSupported",
    "tokenEndpointAuthMethodsSupported"
})
public record AuthorizationServerMetadata(
        String issuer,
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        @JsonbProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonbProperty("grant_types_supported") List<String> grantTypesSupported,

        @JsonbProperty("token_endpoint_auth_methods_supported")
        List<String> tokenEndpointAuthMethodsSupported) {

    /** The document for an issuer that is the server's public URL: the endpoints are below it. */
    static AuthorizationServerMetadata of(String issuer, List<String> scopes) {
        String root = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new AuthorizationServerMetadata(
                issuer,
                root + TokenEndpoint.URI,
                root + TokenEndpoint.JWKS_URI,
                List.copyOf(scopes),
                List.of(),
                List.of("client_credentials"),
                List.of("client_secret_basic", "client_secret_post"));
    }
}
