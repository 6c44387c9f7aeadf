package dev.agentry.core.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.CredentialStoreException;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * KEKs in a WildFly Elytron secret-key credential store (the platform's store for secret keys, which
 * the server configuration script declares as {@code secret-key-credential-store=agentry-secrets}, so
 * an operator manages it with the server's own tools: {@code read-aliases}, {@code export-secret-key},
 * {@code import-secret-key}). The current KEK is under alias {@value #CURRENT}, each retired one under
 * {@code agentry-kek-<id>}.
 */
final class CredentialStoreRing implements KeyRing {

    static final String CURRENT = "agentry-kek";
    private static final String RETIRED = "agentry-kek-";
    private static final String TYPE = "PropertiesCredentialStore";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path location;
    private final CredentialStore store;

    CredentialStoreRing(Path location) {
        this.location = location;
        try {
            store = CredentialStore.getInstance(TYPE, WildFlyElytronCredentialStoreProvider.getInstance());
            store.initialize(Map.of("location", location.toString(), "create", "true"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the credential store " + location, e);
        }
    }

    /**
     * Takes over the KEKs of {@code files} (current and retired) if this store has no KEK yet: moving
     * from the embedded key files to the credential store is setting the store and restarting.
     *
     * @return whether it adopted them
     */
    synchronized boolean adopt(KeyFileRing files) {
        if (key(CURRENT).isPresent() || !files.exists()) {
            return false;
        }
        for (String retired : files.retired()) {
            files.find(retired).ifPresent(kek -> put(RETIRED + kek.id(), kek.encoded()));
        }
        put(CURRENT, files.current().encoded());
        return true;
    }

    @Override
    public String source() {
        return "credential-store";
    }

    @Override
    public synchronized KeyEncryptionKey current() {
        return key(CURRENT).orElseGet(() -> {
            byte[] fresh = fresh();
            put(CURRENT, fresh);
            return new KeyEncryptionKey(fresh);
        });
    }

    @Override
    public synchronized Optional<KeyEncryptionKey> find(String kekId) {
        KeyEncryptionKey now = current();
        if (now.id().equals(kekId)) {
            return Optional.of(now);
        }
        return key(RETIRED + kekId).filter(key -> key.id().equals(kekId));
    }

    @Override
    public synchronized Set<String> retired() {
        Set<String> ids = new TreeSet<>();
        try {
            for (String alias : store.getAliases()) {
                if (alias.startsWith(RETIRED)) {
                    ids.add(alias.substring(RETIRED.length()));
                }
            }
        } catch (CredentialStoreException e) {
            throw new IllegalStateException("cannot list the credential store " + location, e);
        }
        return ids;
    }

    @Override
    public synchronized KeyEncryptionKey rotate() {
        KeyEncryptionKey previous = current();
        byte[] previousBytes = previous.encoded();
        if (key(RETIRED + previous.id()).isEmpty()) {
            put(RETIRED + previous.id(), previousBytes);
        }
        byte[] fresh = fresh();
        put(CURRENT, fresh);
        return new KeyEncryptionKey(fresh);
    }

    @Override
    public synchronized boolean destroy(String kekId) {
        try {
            boolean held = store.exists(RETIRED + kekId, SecretKeyCredential.class);
            store.remove(RETIRED + kekId, SecretKeyCredential.class);
            store.flush();
            return held;
        } catch (CredentialStoreException e) {
            throw new IllegalStateException("cannot remove a key from the credential store " + location, e);
        }
    }

    private Optional<KeyEncryptionKey> key(String alias) {
        try {
            SecretKeyCredential credential = store.retrieve(alias, SecretKeyCredential.class);
            return Optional.ofNullable(credential)
                    .map(c -> new KeyEncryptionKey(c.getSecretKey().getEncoded()));
        } catch (CredentialStoreException e) {
            throw new IllegalStateException("cannot read the credential store " + location, e);
        }
    }

    /** Stores the key and writes the store to its file before anything is sealed under it. */
    private void put(String alias, byte[] key) {
        SecretKey secretKey = new SecretKeySpec(key, "AES");
        try {
            store.store(alias, new SecretKeyCredential(secretKey));
            store.flush();
            // the properties store holds the keys as they are: only the server's user may read it
            Files.setPosixFilePermissions(location, PosixFilePermissions.fromString("rw-------"));
        } catch (CredentialStoreException | IOException e) {
            throw new IllegalStateException("cannot write to the credential store " + location, e);
        }
    }

    private static byte[] fresh() {
        byte[] key = new byte[KeyEncryptionKey.LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }
}
