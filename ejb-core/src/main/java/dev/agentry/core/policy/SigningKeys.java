package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.secrets.RowIdentity;
import dev.agentry.core.secrets.SecretVault;
import dev.agentry.core.signals.ClusterSignals;
import dev.agentry.core.signals.Invalidated;
import dev.agentry.core.signals.SignalKind;
import dev.agentry.persistence.policy.SigningKey;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RSA keys that sign access tokens. The first is generated on first start and stored. Rotation
 * publishes a new key at once but lets it sign only after a lead time longer than the verifier's JWKS
 * forced-refresh interval: any refresh after the rotation already carries the new key, so no token is
 * ever refused for an unknown {@code kid}. The old key signs until then and stays published until every
 * token it signed has expired, so rotation never invalidates a token early either.
 */
@Singleton
@Lock(LockType.READ)
@Boundary
public class SigningKeys {

    /** A key that can sign, with its id. */
    public record Signer(String kid, PrivateKey privateKey) {}

    /** A key as operators see it: {@code announced} (published, not yet signing), {@code signing}, {@code retired}. */
    public record KeyView(
            String kid,
            String algorithm,
            String state,
            boolean published,
            Instant createdAt,
            Instant signsFrom,
            Instant retiredAt) {}

    /** The outcome of a rotation: the new key, when it starts signing, and the key it succeeds. */
    public record Rotation(String kid, Instant signsFrom, String succeeds) {}

    /** How long a retired key stays published: longer than any token lives. */
    static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofHours(1);

    private static final int KEY_SIZE = 2048;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    SecretVault vault;

    @Inject
    ClusterSignals signals;

    /** Must exceed {@code smallrye.jwt.jwks.forced-refresh-interval} (one minute). */
    @Inject
    @ConfigProperty(name = "agentry.token.key-publication-lead", defaultValue = "PT90S")
    Duration publicationLead;

    /**
     * How long the signing key is used without looking at the stored keys again: a backstop, since a rotation on
     * another node reaches this one through its signal.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Current(Signer signer, Instant until) {}

    private volatile Current current;

    /** The key that signs new tokens now, generated and stored if there is none. */
    @Lock(LockType.WRITE)
    public Signer signer() {
        Current known = current;
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.signer();
        }
        return reload();
    }

    private Signer reload() {
        Instant now = clock.instant();
        List<SigningKey> keys = keys();
        SigningKey signing =
                keys.stream().filter(k -> k.signsAt(now)).findFirst().orElseGet(() -> generate(now));
        Instant until = keys.stream()
                .map(SigningKey::getSignsFrom)
                .filter(from -> from.isAfter(now))
                .filter(from -> from.isBefore(now.plus(MAX_AGE)))
                .min(Instant::compareTo)
                .orElse(now.plus(MAX_AGE));
        Current known = current;
        // The same key as before, looked at again after MAX_AGE: not opened again.
        Signer signer = known != null && known.signer().kid().equals(signing.getKid())
                ? known.signer()
                : new Signer(signing.getKid(), privateKey(signing));
        current = new Current(signer, until);
        return signer;
    }

    /** A rotation, here or on another node, committed: the next token is signed by the key the stored ones name. */
    @Lock(LockType.WRITE)
    public void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invalidated invalidated) {
        if (invalidated.names(SignalKind.SIGNING_KEY)) {
            current = null;
        }
    }

    /**
     * Publishes a new key that takes over from the signing one after the publication lead. Asking
     * again while a successor is still waiting returns that successor rather than queueing another.
     */
    @Lock(LockType.WRITE)
    public Rotation rotate() {
        Instant now = clock.instant();
        List<SigningKey> keys = keys();
        SigningKey signing =
                keys.stream().filter(k -> k.signsAt(now)).findFirst().orElse(null);
        SigningKey waiting = keys.stream()
                .filter(k -> k.getSignsFrom().isAfter(now) && k.getRetiredAt() == null)
                .findFirst()
                .orElse(null);
        String succeeds = signing == null ? null : signing.getKid();
        if (waiting != null) {
            return new Rotation(waiting.getKid(), waiting.getSignsFrom(), succeeds);
        }
        SigningKey fresh = generate(now.plus(publicationLead));
        if (signing != null) {
            signing.retire(fresh.getSignsFrom());
        }
        current = null;
        signals.raise(SignalKind.SIGNING_KEY, fresh.getKid());
        audit.action("signing-key.rotate", fresh.getKid());
        return new Rotation(fresh.getKid(), fresh.getSignsFrom(), succeeds);
    }

    /** Makes sure a key exists (the first start), without opening any: a start never needs the KEK. */
    @Lock(LockType.WRITE)
    public void ensureKey() {
        Instant now = clock.instant();
        if (keys().stream().noneMatch(k -> k.signsAt(now))) {
            generate(now);
        }
    }

    /** Whether {@code kid} names a key verifiers can currently find in the JWKS. */
    public boolean publishes(String kid) {
        Instant now = clock.instant();
        return kid != null
                && keys().stream()
                        .anyMatch(k -> k.getKid().equals(kid) && k.publishedAt(now, PUBLISHED_AFTER_RETIREMENT));
    }

    /** The public key published under {@code kid}, if verifiers can currently find one. */
    public Optional<PublicKey> publishedKey(String kid) {
        Instant now = clock.instant();
        return kid == null
                ? Optional.empty()
                : keys().stream()
                        .filter(k -> k.getKid().equals(kid) && k.publishedAt(now, PUBLISHED_AFTER_RETIREMENT))
                        .findFirst()
                        .map(SigningKeys::publicKey);
    }

    /** Every stored key, newest first, with where it stands now; never key material. */
    public List<KeyView> list() {
        Instant now = clock.instant();
        return keys().stream()
                .map(k -> new KeyView(
                        k.getKid(),
                        k.getAlgorithm(),
                        k.signsAt(now) ? "signing" : k.getSignsFrom().isAfter(now) ? "announced" : "retired",
                        k.publishedAt(now, PUBLISHED_AFTER_RETIREMENT),
                        k.getCreatedAt(),
                        k.getSignsFrom(),
                        k.getRetiredAt()))
                .toList();
    }

    /** The public JWKS: the signing key, its announced successor and recently retired keys. */
    public String jwks() {
        ensureKey(); // never publish an empty set; publishing needs no private key, so no KEK
        Instant now = clock.instant();
        List<JsonWebKey> published = new ArrayList<>();
        for (SigningKey key : keys()) {
            if (key.publishedAt(now, PUBLISHED_AFTER_RETIREMENT)) {
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

    private SigningKey generate(Instant signsFrom) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            SigningKey key = new SigningKey(
                    kid,
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    vault.seal(
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            RowIdentity.signingKey(kid)),
                    vault.kekId(),
                    clock.instant(),
                    signsFrom);
            em.persist(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required of every Java runtime", e);
        }
    }

    /** Opened only in memory; {@link dev.agentry.core.secrets.SecretUnavailable} without this server's KEK. */
    private PrivateKey privateKey(SigningKey key) {
        String pkcs8 = vault.open(key.getPrivateKey(), RowIdentity.signingKey(key.getKid()));
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.getKid() + " is unreadable", e);
        }
    }

    private static PublicKey publicKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getPublicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.getKid() + " is unreadable", e);
        }
    }
}
