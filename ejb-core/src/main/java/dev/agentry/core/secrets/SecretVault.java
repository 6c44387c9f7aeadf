package dev.agentry.core.secrets;

import dev.agentry.core.signals.Invalidated;
import dev.agentry.core.signals.SignalKind;
import dev.agentry.persistence.secrets.StoredSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals secrets before they are stored and opens them when they are used; the clear values live only
 * in memory. The key-encryption keys come from a {@link KeyRing} outside the database: configuration
 * ({@code agentry.secrets.kek}), else an Elytron credential store ({@code agentry.secrets.credential-store}),
 * else key files generated in the server's data directory, readable by the server's user only.
 * New secrets are sealed under the ring's current KEK; a row names the KEK it needs, which may be a
 * retired one until the re-wrap job has moved it.
 */
@ApplicationScoped
public class SecretVault {

    static final String KEY_FILE = "agentry/secrets-kek.key";

    /** How long a KEK found missing is not looked for again: a restored key file is seen within this. */
    private static final Duration MISSING_RECHECK = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(SecretVault.class);

    @Inject
    @ConfigProperty(name = "agentry.secrets.kek")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "agentry.secrets.retired-keks")
    Optional<List<String>> retiredConfigured;

    @Inject
    @ConfigProperty(name = "agentry.secrets.credential-store")
    Optional<String> credentialStore;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    @Inject
    Clock clock;

    private volatile KeyRing ring;
    /** Where the ring is, for the log only: API callers are not told the server's paths. */
    private volatile String where;

    private volatile KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> missing = new ConcurrentHashMap<>();

    /** The KEK ids already reported missing, so the log says it once, not per request. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** The id of the KEK new secrets are sealed under. */
    public String kekId() {
        return current().id();
    }

    /** What kind of place holds the KEKs: {@code key-file}, {@code credential-store} or {@code configuration}. */
    public String source() {
        return ring().source();
    }

    /** The ids of the retired KEKs the ring still holds. */
    public Set<String> retiredKekIds() {
        return ring().retired();
    }

    /** Whether this server holds the KEK {@code kekId} (current or retired). */
    public boolean holds(String kekId) {
        return kek(kekId).isPresent();
    }

    /** {@code secret} sealed for {@code row}: the text its envelope column stores. */
    public String seal(String secret, RowIdentity row) {
        return SealedSecret.seal(current(), secret, row).encoded();
    }

    /**
     * The clear secret a row stores (sealed, or clear in a row from before sealing).
     *
     * @throws SecretUnavailable if no KEK of this server opens it
     */
    public String open(StoredSecret stored, RowIdentity row) {
        if (stored.sealed() == null) {
            return stored.legacyClear();
        }
        try {
            SealedSecret sealed = SealedSecret.parse(stored.sealed());
            KeyEncryptionKey kek = kek(sealed.kekId())
                    .orElseThrow(() -> new SealedSecret.Unopenable(
                            "it is sealed under KEK " + sealed.kekId() + ", which this server does not hold"));
            return sealed.open(kek, row);
        } catch (SealedSecret.Unopenable e) {
            if (reported.add(row.table() + ":" + e.getMessage())) {
                LOG.errorf("Cannot open the secret of %s: %s (see readiness check 'secrets')", row, e.getMessage());
            }
            throw new SecretUnavailable();
        }
    }

    /** {@code stored} opened and sealed again under the current KEK; {@code null} for a row without that secret. */
    String resealed(StoredSecret stored, RowIdentity row) {
        return stored == null ? null : seal(open(stored, row), row);
    }

    /**
     * Makes a fresh KEK current; new secrets are sealed under it from now on, and the previous one stays
     * in the ring for the rows still sealed under it.
     *
     * @throws KeyRingManagedElsewhere if configuration hands the server its KEK
     */
    synchronized KekChange rotate() {
        KeyEncryptionKey previous = current();
        KeyEncryptionKey fresh = ring().rotate();
        known.put(previous.id(), previous);
        known.put(fresh.id(), fresh);
        current = fresh;
        LOG.infof("Secrets are sealed under key-encryption key %s from now on (was %s)", fresh.id(), previous.id());
        return new KekChange(previous.id(), fresh.id());
    }

    /** Removes a retired KEK that no row needs any more; whether it was removed (configuration is the operator's). */
    synchronized boolean destroy(String kekId) {
        if (kekId.equals(kekId())) {
            throw new IllegalArgumentException("the current KEK is never destroyed");
        }
        if (!ring().destroy(kekId)) {
            return false;
        }
        known.remove(kekId);
        LOG.infof("Removed the retired key-encryption key %s: no stored secret needs it", kekId);
        return true;
    }

    /**
     * Forgets every KEK read so far and reads the ring again, as a start does: after a key file or the
     * credential store was restored from a backup, or to check that the ring alone opens every row.
     */
    public synchronized void reload() {
        known.clear();
        missing.clear();
        reported.clear();
        ring = null;
        current = null;
        current();
    }

    /**
     * A KEK was made current or destroyed, here or on another node: the ring is read again, so nodes sharing
     * a credential store seal under the same KEK and none keeps one another node removed.
     */
    void reread(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invalidated invalidated) {
        if (invalidated.names(SignalKind.KEK)) {
            reload();
        }
    }

    private Optional<KeyEncryptionKey> kek(String kekId) {
        KeyEncryptionKey kek = known.get(kekId);
        if (kek != null) {
            return Optional.of(kek);
        }
        Instant checked = missing.get(kekId);
        if (checked != null && checked.plus(MISSING_RECHECK).isAfter(clock.instant())) {
            return Optional.empty();
        }
        Optional<KeyEncryptionKey> found = ring().find(kekId);
        found.ifPresentOrElse(
                k -> {
                    known.put(kekId, k);
                    missing.remove(kekId);
                },
                () -> missing.put(kekId, clock.instant()));
        return found;
    }

    private KeyEncryptionKey current() {
        KeyEncryptionKey kek = current;
        if (kek == null) {
            kek = loadCurrent();
        }
        return kek;
    }

    private synchronized KeyEncryptionKey loadCurrent() {
        if (current == null) {
            KeyEncryptionKey loaded = ring().current();
            known.put(loaded.id(), loaded);
            current = loaded;
            LOG.infof("Secrets are sealed under key-encryption key %s (from %s)", loaded.id(), where);
        }
        return current;
    }

    private KeyRing ring() {
        KeyRing r = ring;
        if (r == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = openRing();
                }
                r = ring;
            }
        }
        return r;
    }

    private KeyRing openRing() {
        Path data = Path.of(dataDir);
        if (configured.isPresent()) {
            where = "agentry.secrets.kek";
            return new ConfiguredKeyRing(configured.get(), retiredConfigured.orElse(List.of()));
        }
        if (credentialStore.isPresent()) {
            Path store = data.resolve(credentialStore.get());
            where = "the Elytron credential store " + store;
            CredentialStoreRing ring = new CredentialStoreRing(store);
            Path files = data.resolve(KEY_FILE);
            if (ring.adopt(new KeyFileRing(files))) {
                LOG.warnf(
                        "Adopted the key-encryption keys of the key files in %s into %s: delete the files once"
                                + " the store is backed up",
                        files.getParent(), store);
            }
            return ring;
        }
        Path file = data.resolve(KEY_FILE);
        where = "key files in " + file.getParent();
        return new KeyFileRing(file);
    }

    /**
     * A rotation's before and after.
     *
     * @param previousKekId the KEK that sealed new secrets until now, kept as retired
     * @param kekId the KEK that seals them from now on
     */
    record KekChange(String previousKekId, String kekId) {}
}
