package dev.agentry.core.policy;

import dev.agentry.persistence.policy.SigningKey;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RSA keys that sign access tokens. The first is generated on first start and stored; rotation
 * adds a new signing key and retires the old one, which stays in the JWKS until every token it signed
 * has expired, so rotation never invalidates a token early.
 */
@Singleton
@Lock(LockType.READ)
public class SigningKeys {

    /** A key that can sign, with its id. */
    public record Signer(String kid, PrivateKey privateKey) {}

    /** How long a retired key stays published: longer than any token lives. */
    static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofHours(1);

    private static final int KEY_SIZE = 2048;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Signer signer;

    /** The key that signs new tokens, generated and stored if there is none. */
    @Lock(LockType.WRITE)
    public Signer signer() {
        if (signer == null) {
            SigningKey current = keys().stream()
                    .filter(k -> k.getRetiredAt() == null)
                    .findFirst()
                    .orElseGet(this::generate);
            signer = new Signer(current.getKid(), privateKey(current));
        }
        return signer;
    }

    /** Retires the signing key and starts signing with a new one; returns the new key's id. */
    @Lock(LockType.WRITE)
    public String rotate() {
        Instant now = clock.instant();
        keys().stream().filter(k -> k.getRetiredAt() == null).forEach(k -> k.retire(now));
        SigningKey fresh = generate();
        signer = new Signer(fresh.getKid(), privateKey(fresh));
        return fresh.getKid();
    }

    /** The public JWKS: the signing key and recently retired ones. */
    public String jwks() {
        signer(); // never publish an empty set
        Instant cutoff = clock.instant().minus(PUBLISHED_AFTER_RETIREMENT);
        List<JsonWebKey> published = new ArrayList<>();
        for (SigningKey key : keys()) {
            if (key.getRetiredAt() == null || key.getRetiredAt().isAfter(cutoff)) {
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) publicKey(key));
                jwk.setKeyId(key.getKid());
                jwk.setAlgorithm(key.getAlgorithm());
                jwk.setUse("sig");
                published.add(jwk);
            }
        }
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private List<SigningKey> keys() {
        return em.createNamedQuery("SigningKey.newestFirst", SigningKey.class).getResultList();
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey(
                    UUID.randomUUID().toString(),
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    clock.instant());
            em.persist(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required of every Java runtime", e);
        }
    }

    private static PrivateKey privateKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.getPrivateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.getKid() + " is unreadable", e);
        }
    }

    private static java.security.PublicKey publicKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getPublicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.getKid() + " is unreadable", e);
        }
    }
}
