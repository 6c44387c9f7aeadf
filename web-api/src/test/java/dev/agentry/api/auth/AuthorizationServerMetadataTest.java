package dev.agentry.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationServerMetadataTest {

    @Test
    void theEndpointsAreBelowTheIssuerAndTheIssuerIsKeptExactly() {
        for (String issuer : List.of("https://agentry.example.com", "https://agentry.example.com/")) {
            AuthorizationServerMetadata metadata = AuthorizationServerMetadata.of(issuer, List.of("audit:read"));

            assertEquals(issuer, metadata.issuer());
            assertEquals("https://agentry.example.com/api/v1/auth/token", metadata.tokenEndpoint());
            assertEquals("https://agentry.example.com/api/v1/auth/jwks", metadata.jwksUri());
            assertEquals(List.of("audit:read"), metadata.scopesSupported());
            assertEquals(List.of(), metadata.responseTypesSupported());
            assertEquals(List.of("client_credentials"), metadata.grantTypesSupported());
        }
    }
}
