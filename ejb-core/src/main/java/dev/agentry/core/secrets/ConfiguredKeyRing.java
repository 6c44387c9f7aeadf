package dev.agentry.core.secrets;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * KEKs handed over by configuration ({@code agentry.secrets.kek}, and the previous ones in
 * {@code agentry.secrets.retired-keks} while rows still need them): a secrets manager or orchestrator
 * owns them, so an operator rotates them there, never the server.
 */
final class ConfiguredKeyRing implements KeyRing {

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> retired = new LinkedHashMap<>();

    ConfiguredKeyRing(String current, List<String> retired) {
        this.current = decode(current, "agentry.secrets.kek");
        for (String value : retired) {
            KeyEncryptionKey key = decode(value, "agentry.secrets.retired-keks");
            this.retired.put(key.id(), key);
        }
        this.retired.remove(this.current.id());
    }

    @Override
    public String source() {
        return "configuration";
    }

    @Override
    public KeyEncryptionKey current() {
        return current;
    }

    @Override
    public Optional<KeyEncryptionKey> find(String kekId) {
        return current.id().equals(kekId) ? Optional.of(current) : Optional.ofNullable(retired.get(kekId));
    }

    @Override
    public Set<String> retired() {
        return new TreeSet<>(retired.keySet());
    }

    @Override
    public KeyEncryptionKey rotate() {
        throw new KeyRingManagedElsewhere("The key-encryption key comes from agentry.secrets.kek: set a new one"
                + " there, move the old one to agentry.secrets.retired-keks and restart");
    }

    @Override
    public boolean destroy(String kekId) {
        return false; // configuration is not ours to edit: the status route shows the operator it is unused
    }

    /** A key from configuration, or why it is not one, without echoing the value. */
    private static KeyEncryptionKey decode(String value, String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KeyEncryptionKey.LENGTH) {
            throw new IllegalStateException(key + " must be the base64 of 32 bytes");
        }
        return new KeyEncryptionKey(bytes);
    }
}
