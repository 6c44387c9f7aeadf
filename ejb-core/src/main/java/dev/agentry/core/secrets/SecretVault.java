package dev.agentry.core.secrets;

import dev.agentry.persistence.secrets.StoredSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals secrets before they are stored and opens them when they are used; the clear values live only
 * in memory. The key-encryption key comes from configuration ({@code agentry.secrets.kek} /
 * {@code AGENTRY_SECRETS_KEK}, base64 of 32 bytes), or else from a file generated once in the server's
 * data directory, readable by the server's user only: never from the database it protects.
 */
@ApplicationScoped
public class SecretVault {

    static final String KEY_FILE = "agentry/secrets-kek.key";

    private static final Logger LOG = Logger.getLogger(SecretVault.class);

    @Inject
    @ConfigProperty(name = "agentry.secrets.kek")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    private volatile KeyEncryptionKey kek;

    /** The KEK ids already reported missing, so the log says it once, not per request. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** The id of the KEK new secrets are sealed under. */
    public String kekId() {
        return kek().id();
    }

    /** {@code secret} sealed for {@code row}: the text its envelope column stores. */
    public String seal(String secret, RowIdentity row) {
        return SealedSecret.seal(kek(), secret, row).encoded();
    }

    /**
     * The clear secret a row stores (sealed, or clear in a row from before sealing).
     *
     * @throws SecretUnavailable if this server's KEK does not open it
     */
    public String open(StoredSecret stored, RowIdentity row) {
        if (stored.sealed() == null) {
            return stored.legacyClear();
        }
        try {
            return SealedSecret.parse(stored.sealed()).open(kek(), row);
        } catch (SealedSecret.Unopenable e) {
            if (reported.add(row.table() + ":" + e.getMessage())) {
                LOG.errorf("Cannot open the secret of %s: %s (see readiness check 'secrets')", row, e.getMessage());
            }
            throw new SecretUnavailable();
        }
    }

    private KeyEncryptionKey kek() {
        KeyEncryptionKey current = kek;
        if (current == null) {
            current = load();
            kek = current;
        }
        return current;
    }

    private synchronized KeyEncryptionKey load() {
        byte[] key;
        try {
            key = ServerKeyFile.configuredOrFile(
                    configured, Path.of(dataDir).resolve(KEY_FILE), KeyEncryptionKey.LENGTH);
        } catch (IllegalArgumentException e) {
            key = new byte[0]; // not base64: said below, without echoing the value
        }
        if (key.length != KeyEncryptionKey.LENGTH) {
            throw new IllegalStateException("agentry.secrets.kek must be the base64 of 32 bytes");
        }
        KeyEncryptionKey loaded = new KeyEncryptionKey(key);
        LOG.infof(
                "Secrets are sealed under key-encryption key %s (%s)",
                loaded.id(),
                configured.isPresent()
                        ? "from agentry.secrets.kek"
                        : "from " + Path.of(dataDir).resolve(KEY_FILE));
        return loaded;
    }
}
