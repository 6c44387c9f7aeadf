package dev.agentry.persistence.policy;

import dev.agentry.persistence.secrets.StoredSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A key pair that signs access tokens, identified by its {@code kid}. It is published from its
 * creation, signs from {@code signsFrom} until it is retired, and stays published after that until
 * every token it signed has expired.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = "SigningKey.newestFirst", query = "select k from SigningKey k order by k.createdAt desc")
@NamedQuery(name = "SigningKey.clear", query = "select k.kid from SigningKey k where k.privateKey is not null")
@NamedQuery(
        name = "SigningKey.kekUse",
        query = "select k.kekId, count(k) from SigningKey k where k.kekId is not null group by k.kekId")
@NamedQuery(
        name = "SigningKey.sealedUnderOther",
        query = "select k.kid from SigningKey k where k.kekId is not null and k.kekId <> :kekId")
public class SigningKey {

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 10)
    private String algorithm;

    /** X.509 SubjectPublicKeyInfo, base64. */
    @Column(name = "public_key", nullable = false, length = 2000)
    private String publicKey;

    /** PKCS#8, base64, in the clear: only in rows written before secrets were sealed, until migrated. */
    @Column(name = "private_key", length = 4000)
    private String privateKey;

    /** PKCS#8, sealed under the key-encryption key {@link #kekId}. */
    @Column(name = "private_key_sealed", length = 4000)
    private String sealedPrivateKey;

    @Column(name = "kek_id", length = 16)
    private String kekId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false)
    private Instant signsFrom;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(
            String kid,
            String algorithm,
            String publicKey,
            String sealedPrivateKey,
            String kekId,
            Instant createdAt,
            Instant signsFrom) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.sealedPrivateKey = Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
        this.kekId = Objects.requireNonNull(kekId, "kekId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.signsFrom = Objects.requireNonNull(signsFrom, "signsFrom");
    }

    /** Stops signing at {@code at} (which may lie ahead, when a successor takes over then). */
    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    /** Whether this key signs new tokens at {@code now}. */
    public boolean signsAt(Instant now) {
        return !signsFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
    }

    /** Whether verifiers need this key at {@code now}: until it signs, while it does, and a while after. */
    public boolean publishedAt(Instant now, Duration afterRetirement) {
        return retiredAt == null || retiredAt.plus(afterRetirement).isAfter(now);
    }

    public String getKid() {
        return kid;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getPublicKey() {
        return publicKey;
    }

    /** The private key as stored: sealed, or clear in a row not yet migrated. */
    public StoredSecret getPrivateKey() {
        return StoredSecret.of(sealedPrivateKey, privateKey);
    }

    /** Replaces a clear private key by its envelope; the clear column is emptied. */
    public void seal(String sealed, String sealedUnder) {
        this.sealedPrivateKey = Objects.requireNonNull(sealed, "sealed");
        this.kekId = Objects.requireNonNull(sealedUnder, "kekId");
        this.privateKey = null;
    }

    public String getKekId() {
        return kekId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSignsFrom() {
        return signsFrom;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
