package dev.agentry.core.secrets;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that wraps every secret's data key (RFC 3394 key wrap). It never enters the
 * database; rows name it by its id, the first 8 bytes of its SHA-256 in hex, which tells which KEK a
 * row needs without revealing anything usable about it.
 */
public final class KeyEncryptionKey {

    static final int LENGTH = 32;
    static final String WRAP = "AESWrap";

    private final String id;
    private final SecretKey key;

    public KeyEncryptionKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a key-encryption key is 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.id = idOf(key);
    }

    /** The id rows store: the first 8 bytes of the key's SHA-256, hex. */
    public String id() {
        return id;
    }

    /** The key's bytes, for a ring that must store a retired copy. */
    byte[] encoded() {
        return key.getEncoded();
    }

    byte[] wrap(SecretKey dataKey) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, key);
            return cipher.wrap(dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is part of every JDK", e);
        }
    }

    /** The data key, or an exception when it was not wrapped by this KEK (the wrap's integrity check fails). */
    SecretKey unwrap(byte[] wrapped) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(WRAP);
        cipher.init(Cipher.UNWRAP_MODE, key);
        return (SecretKey) cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    }

    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyEncryptionKey that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    /** Names the key by its id only. */
    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
