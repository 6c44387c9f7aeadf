package dev.agentry.api.auth;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Authenticated;
import dev.agentry.api.capabilities.DeprecatedRoute;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.ClientAddress;
import dev.agentry.api.policy.PolicyFilter;
import dev.agentry.core.policy.AccessToken;
import dev.agentry.core.policy.Admission;
import dev.agentry.core.policy.CredentialPolicy;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.GrantableScope;
import dev.agentry.core.policy.SigningKeys;
import dev.agentry.core.policy.TokenAudience;
import dev.agentry.core.policy.TokenRefused;
import dev.agentry.core.policy.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Tokens for managed credentials, the keys that verify them, and who a token says the caller is. */
@Path("/auth")
@RequestScoped
@ApiSurface(value = "read-sync", stability = Stability.STABLE)
public class AuthResource {

    /** RFC 6749 section 5.1. */
    @JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "scope"})
    public record TokenResponse(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            String scope) {}

    /** The caller as its token and its credential describe it. */
    public record WhoAmI(
            String credentialId,
            String clientId,
            List<String> scopes,
            List<String> eventInterests,
            String status,
            Instant credentialExpiresAt,
            List<String> ipAllowlist,
            String address,
            String tokenId,
            Instant tokenExpiresAt,
            RateLimitState rateLimit) {}

    /** Where the credential stands in its rate-limit window, counting this request. */
    public record RateLimitState(int limit, int remaining, long resetSeconds) {}

    @Inject
    GovernedWrites governedWrites;

    @Inject
    TokenService tokens;

    @Inject
    SigningKeys keys;

    @Inject
    TokenAudience audience;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    HttpServletResponse response;

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 client credentials: a short-lived RS256 access token")
    @APIResponse(
            responseCode = "200",
            description = "The access token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "An RFC 6749 error: invalid_request, invalid_scope, unsupported_grant_type, ...",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenRefusedMapper.OAuthError.class)))
    @APIResponse(
            responseCode = "401",
            description = "An RFC 6749 invalid_client error, with a Basic challenge",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenRefusedMapper.OAuthError.class)))
    public TokenResponse token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("scope") String scope) {
        for (String name : List.of("grant_type", "client_id", "client_secret", "scope")) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                // RFC 6749 section 3.2: which of the values would count is the client's ambiguity, not ours.
                throw new TokenRefused(TokenRefused.Reason.INVALID_REQUEST, name + " must not be repeated.");
            }
        }
        String grant = sent(grantType);
        if (grant == null) {
            throw new TokenRefused(TokenRefused.Reason.INVALID_REQUEST, "grant_type is required.");
        }
        if (!"client_credentials".equals(grant)) {
            throw new TokenRefused(
                    TokenRefused.Reason.UNSUPPORTED_GRANT_TYPE, "Only the client_credentials grant is supported.");
        }
        ClientAuthentication client = ClientAuthentication.of(authorization, sent(clientId), sent(clientSecret));
        AccessToken issued = tokens.issue(client.clientId(), client.secret(), sent(scope), clientAddress.of(request));
        // RFC 6749 section 5.1: a response carrying a token is never stored, by HTTP/1.1 or HTTP/1.0 caches.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        return new TokenResponse(
                issued.token(), "Bearer", issued.expiresInSeconds(), String.join(" ", issued.scopes()));
    }

    /** RFC 6749 section 3.2: a parameter sent without a value is treated as omitted. */
    private static String sent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @GET
    @Path("jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify access tokens (RFC 7517)")
    @APIResponse(
            responseCode = "200",
            description = "A JWK Set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = "keys",
                                            properties =
                                                    @SchemaProperty(
                                                            name = "keys",
                                                            type = SchemaType.ARRAY,
                                                            description =
                                                                    "RSA public keys (JWKs): kty, kid, use, alg, n, e"))))
    public String jwks() {
        return keys.jwks();
    }

    /**
     * Also at the server root, {@code /.well-known/oauth-authorization-server}, where RFC 8414 puts the
     * metadata of an issuer without a path: the server hands that path here (configure-server.cli).
     */
    @GET
    @Path("metadata")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "OAuth 2.0 authorization server metadata (RFC 8414)",
            description = "Also served at /.well-known/oauth-authorization-server, where clients given only the"
                    + " issuer look for it.")
    public AuthorizationServerMetadata metadata() {
        return AuthorizationServerMetadata.of(
                audience.issuer(),
                governedWrites.offeredScopes().stream()
                        .map(GrantableScope::scope)
                        .toList());
    }

    /**
     * Also at the server root, {@code /.well-known/oauth-protected-resource}, where RFC 9728 puts the metadata
     * of a resource identified by a URL without a path, and where every 401's {@code WWW-Authenticate}
     * ({@code resource_metadata}) points: the server hands that path here (configure-server.cli).
     */
    @GET
    @Path("protected-resource")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "OAuth 2.0 protected resource metadata (RFC 9728)",
            description = "Also served at /.well-known/oauth-protected-resource, where a 401's WWW-Authenticate"
                    + " (resource_metadata) points MCP and other clients; names the authorization server.")
    public ProtectedResourceMetadata protectedResource() {
        return ProtectedResourceMetadata.of(
                audience.issuer(),
                governedWrites.offeredScopes().stream()
                        .map(GrantableScope::scope)
                        .toList());
    }

    @GET
    @Path("whoami")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The calling credential: scopes, interests, expiry, allowlist, token and rate limit")
    public WhoAmI whoami() {
        // The policy filter has admitted this request (the route needs a token) and kept what it found.
        Admission admission = (Admission) request.getAttribute(PolicyFilter.ADMISSION);
        CredentialPolicy policy = admission.policy();
        // The verified token itself, not the request-scoped proxy: each call through that looks it up again.
        JsonWebToken token = (JsonWebToken) security.getUserPrincipal();
        return new WhoAmI(
                policy.credentialId(),
                policy.clientId(),
                List.copyOf(token.getGroups()),
                policy.eventInterests(),
                policy.status(clock.instant()).wireName(),
                policy.expiresAt(),
                policy.allowlist().entries(),
                clientAddress.of(request),
                token.getTokenID(),
                Instant.ofEpochSecond(token.getExpirationTime()),
                new RateLimitState(
                        admission.rate().limit(),
                        admission.rate().remaining(),
                        admission.rate().resetSeconds()));
    }

    /** A deprecated alias: what a deprecation looks like to a client, before the route goes away. */
    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Deprecated
    @DeprecatedRoute(
            since = "2026-12-03T00:00:00Z",
            sunset = "2027-06-30T00:00:00Z",
            successor = "/auth/whoami",
            reason = "A second name for /auth/whoami; one name per answer. It answers the same until the sunset.")
    @Operation(summary = "Deprecated alias of /auth/whoami (Deprecation and Sunset headers say until when)")
    public WhoAmI me() {
        return whoami();
    }
}
