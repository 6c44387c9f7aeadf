package dev.agentry.api.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * RFC 9728 section 2: what a client of the API — an MCP client above all — needs to find out where its tokens
 * come from. The whole API is one protected resource (one token audience), identified by the server's public
 * URL, so the document sits at the root's {@code /.well-known/oauth-protected-resource} and names the
 * authorization server, whose own metadata (RFC 8414) is at its {@code /.well-known/oauth-authorization-server}.
 *
 * @param resource the resource identifier: the server's public URL
 * @param authorizationServers the issuer of the tokens the API takes
 * @param scopesSupported every scope a credential can hold now
 * @param bearerMethodsSupported {@code header}: tokens travel only in the Authorization header
 * @param resourceName a human-readable name
 * @param resourceDocumentation the machine contract's description
 */
@JsonbPropertyOrder({
    "resource",
    "authorizationServers",
    "scopesSupported",
    "bearerMethodsSupported",
    "resourceName",
    "resourceDocumentation"
})
public record ProtectedResourceMetadata(
        String resource,
        @JsonbProperty("authorization_servers") List<String> authorizationServers,
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        @JsonbProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
        @JsonbProperty("resource_name") String resourceName,
        @JsonbProperty("resource_documentation") String resourceDocumentation) {

    static ProtectedResourceMetadata of(String publicUrl, List<String> scopes) {
        return new ProtectedResourceMetadata(
                publicUrl,
                List.of(publicUrl),
                List.copyOf(scopes),
                List.of("header"),
                "Agentry",
                publicUrl + "/api/v1/capabilities");
    }
}
