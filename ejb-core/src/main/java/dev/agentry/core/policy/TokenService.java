package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.policy.TokenRefused.Reason;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4): a client id and secret in, a short-lived RS256
 * JWT access token out, in RFC 9068's profile ({@code typ: at+jwt}; {@code iss, sub, aud, exp, iat, jti,
 * client_id, scope}) plus what MicroProfile JWT reads ({@code upn}, {@code groups}). The secret's format
 * and checksum are checked before the database is asked; a token never
 * outlives its credential and never grants more than the credential holds.
 */
@Stateless
@Boundary
public class TokenService {

    /** The claim that names the credential behind a token. */
    public static final String CREDENTIAL_CLAIM = "cid";

    /** RFC 9068 section 2.1: the {@code typ} header of a JWT access token, told apart from other JWTs. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    /** Compared against when the client id is unknown, so both paths cost the same. */
    private static final String UNKNOWN_CLIENT_HASH = ClientSecret.generate().hash();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    AuditTrail audit;

    @Inject
    AuditContext auditContext;

    @Inject
    Clock clock;

    @Inject
    TokenAudience audience;

    @Inject
    @ConfigProperty(name = "agentry.token.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    /**
     * Issues a token.
     *
     * @param clientId the client id
     * @param secretText the secret as sent
     * @param requestedScope space-separated scopes to narrow to, or {@code null} for all granted
     * @param address the caller's canonical address, checked against the credential's allowlist
     */
    public AccessToken issue(String clientId, String secretText, String requestedScope, String address) {
        Optional<ClientSecret> secret = ClientSecret.parse(secretText);
        if (secret.isEmpty() || clientId == null || clientId.length() > 40) {
            throw invalidClient();
        }
        Credential credential = em.createNamedQuery("Credential.findByClientId", Credential.class)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = clock.instant();
        if (!authenticates(credential, secret.get(), now)) {
            throw invalidClient();
        }
        CredentialStatus status = CredentialStatus.of(credential, now);
        if (status != CredentialStatus.ACTIVE) {
            throw new TokenRefused(Reason.INVALID_CLIENT, "The credential is " + status.wireName() + ".");
        }
        if (!IpAllowlist.stored(credential.getIpAllowlist()).permits(address)) {
            throw new TokenRefused(Reason.INVALID_CLIENT, "The credential may not be used from this address.");
        }
        List<String> scopes = narrow(credential.getScopes(), requestedScope);
        Instant expires = now.plus(lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime);
        if (credential.getExpiresAt() != null && credential.getExpiresAt().isBefore(expires)) {
            expires = credential.getExpiresAt();
        }
        String token = sign(credential, scopes, now, expires);
        auditContext.actingCredential(credential.getUid(), credential.getClientId(), null);
        audit.action("token.issue", credential.getUid());
        return new AccessToken(token, Duration.between(now, expires).toSeconds(), scopes);
    }

    private static boolean authenticates(Credential credential, ClientSecret secret, Instant now) {
        if (credential == null) {
            secret.matches(UNKNOWN_CLIENT_HASH);
            return false;
        }
        if (secret.matches(credential.getSecretHash())) {
            return true;
        }
        return credential.getPreviousSecretValidUntil() != null
                && now.isBefore(credential.getPreviousSecretValidUntil())
                && secret.matches(credential.getPreviousSecretHash());
    }

    static List<String> narrow(List<String> granted, String requested) {
        if (requested == null || requested.isBlank()) {
            return List.copyOf(granted);
        }
        LinkedHashSet<String> asked =
                new LinkedHashSet<>(Arrays.asList(requested.strip().split("\\s+")));
        if (!granted.containsAll(asked)) {
            throw new TokenRefused(Reason.INVALID_SCOPE, "The requested scope exceeds what the credential holds.");
        }
        return List.copyOf(asked);
    }

    private String sign(Credential credential, List<String> scopes, Instant now, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(audience.issuer());
        claims.setAudience(audience.audience());
        // The subject is the credential's id: a standard claim, cheap for verifiers to read.
        claims.setSubject(credential.getUid());
        claims.setClaim("upn", credential.getClientId());
        claims.setClaim(CREDENTIAL_CLAIM, credential.getUid());
        // RFC 9068 section 2.2: the client the token was issued to.
        claims.setClaim("client_id", credential.getClientId());
        claims.setStringListClaim("groups", scopes);
        claims.setClaim("scope", String.join(" ", scopes));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setNotBefore(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        SigningKeys.Signer signer = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.privateKey());
        jws.setKeyIdHeaderValue(signer.kid());
        jws.setHeader("typ", ACCESS_TOKEN_TYPE);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("token signing failed", e);
        }
    }

    private static TokenRefused invalidClient() {
        return new TokenRefused(Reason.INVALID_CLIENT, "Unknown client or wrong secret.");
    }
}
