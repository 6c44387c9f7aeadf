package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OAuth 2.0 as an unmodified client expects it: configured with the issuer alone, it discovers the
 * authorization server metadata (RFC 8414), obtains a token by client credentials, and verifies that the
 * token is an RFC 9068 access token signed by a key the metadata points to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthDiscoveryIT {

    private static final Set<String> RFC_9068_CLAIMS =
            Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope");

    @Test
    void aClientGivenOnlyTheIssuerDiscoversTheServerObtainsATokenAndVerifiesIt() throws Exception {
        Issuer issuer = new Issuer(Api.issuer());

        // Nimbus refuses metadata whose issuer is not the one it was given.
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(issuer);

        assertEquals(issuer, metadata.getIssuer());
        assertEquals(List.of(GrantType.CLIENT_CREDENTIALS), metadata.getGrantTypes());
        assertTrue(metadata.getTokenEndpointAuthMethods()
                .containsAll(List.of(
                        ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        ClientAuthenticationMethod.CLIENT_SECRET_POST)));
        assertTrue(metadata.getScopes().toStringList().containsAll(List.of("audit:read", "operations:run")));

        JsonObject credential = createCredential(
                "{\"name\":\"discovery\",\"owner\":\"it\",\"scopes\":[\"audit:read\",\"operations:run\"]}");
        String clientId = credential.getString("clientId");
        HTTPResponse answer = new TokenRequest(
                        metadata.getTokenEndpointURI(),
                        new ClientSecretBasic(new ClientID(clientId), new Secret(credential.getString("clientSecret"))),
                        new ClientCredentialsGrant(),
                        new Scope("audit:read"))
                .toHTTPRequest()
                .send();
        assertEquals("no-store", answer.getHeaderValue("Cache-Control"));
        assertEquals("no-cache", answer.getHeaderValue("Pragma"));
        TokenResponse issued = TokenResponse.parse(answer);
        assertTrue(
                issued.indicatesSuccess(),
                () -> issued.toErrorResponse().getErrorObject().toString());
        String token = issued.toSuccessResponse().getTokens().getAccessToken().getValue();

        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256,
                JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build()));
        verifier.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                "agentry-api",
                new JWTClaimsSet.Builder()
                        .issuer(issuer.getValue())
                        .claim("client_id", clientId)
                        .claim("scope", "audit:read")
                        .build(),
                RFC_9068_CLAIMS));
        JWTClaimsSet claims = verifier.process(token, null);

        assertEquals(credential.getString("id"), claims.getSubject());
        // And the API itself (MicroProfile JWT) takes the same token.
        assertEquals(200, get("api/v1/auth/whoami", bearer(token)).statusCode());
    }

    @Test
    void theMetadataIsPublicJsonAtTheServerRootNamingNoAuthorizationEndpoint() {
        // The server hands the well-known path at its root to the API (configure-server.cli).
        HttpResponse<String> response = get(".well-known/oauth-authorization-server");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith("application/json"), Api.contentType(response));
        JsonObject metadata = json(response);
        assertEquals(Api.issuer(), metadata.getString("issuer"));
        assertEquals(Api.issuer() + "/api/v1/auth/token", metadata.getString("token_endpoint"));
        assertEquals(Api.issuer() + "/api/v1/auth/jwks", metadata.getString("jwks_uri"));
        assertTrue(metadata.getJsonArray("response_types_supported").isEmpty());
        assertTrue(!metadata.containsKey("authorization_endpoint"));
        assertEquals(metadata, json(get("api/v1/auth/metadata")), "the API's own route serves the same document");
    }
}
