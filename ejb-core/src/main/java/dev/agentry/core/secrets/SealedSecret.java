package dev.agentry.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One secret sealed by envelope encryption, in the text form a row stores:
 * {@code v1.A256KW.A256GCM.<kek id>.<wrapped data key>.<nonce>.<ciphertext and tag>} (Base64url parts).
 * The secret is encrypted with AES-256-GCM under a fresh random data key and a 12-byte random nonce;
 * the data key is wrapped by the {@link KeyEncryptionKey}. The GCM tag covers, besides the ciphertext,
 * the envelope's header and the identity of the row it belongs to, so an envelope copied to another
 * row, or with its header edited, does not open.
 *
 * @param kekId the id of the KEK that wrapped the data key
 * @param wrappedKey the data key, wrapped
 * @param nonce the GCM nonce
 * @param ciphertext the encrypted secret followed by the 128-bit tag
 */
public record SealedSecret(String kekId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {

    static final String VERSION = "v1";
    static final String KEY_WRAP = "A256KW";
    static final String CONTENT = "A256GCM";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A stored envelope that cannot be opened: wrong KEK, another row's, altered, or malformed. Never says more. */
    public static final class Unopenable extends Exception {

        private static final long serialVersionUID = 1L;

        Unopenable(String message) {
            super(message);
        }
    }

    public SealedSecret {
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Seals {@code secret} for the row {@code row} under {@code kek}. */
    public static SealedSecret seal(KeyEncryptionKey kek, String secret, RowIdentity row) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(kek.id(), row));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(kek.id(), kek.wrap(dataKey), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
        }
    }

    /** The secret, if this envelope was sealed for {@code row} under {@code kek} and is intact. */
    public String open(KeyEncryptionKey kek, RowIdentity row) throws Unopenable {
        if (!kek.id().equals(kekId)) {
            throw new Unopenable("sealed under KEK " + kekId + ", not " + kek.id());
        }
        SecretKey dataKey;
        try {
            dataKey = kek.unwrap(wrappedKey);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Unopenable("its data key does not unwrap under KEK " + kek.id());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(kekId, row));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Unopenable("it does not authenticate for " + row);
        }
    }

    /** The text a row stores. */
    public String encoded() {
        return String.join(
                ".",
                VERSION,
                KEY_WRAP,
                CONTENT,
                kekId,
                ENCODER.encodeToString(wrappedKey),
                ENCODER.encodeToString(nonce),
                ENCODER.encodeToString(ciphertext));
    }

    /** Reads the text a row stores. */
    public static SealedSecret parse(String encoded) throws Unopenable {
        String[] parts = encoded.split("\\.", -1);
        if (parts.length != 7
                || !parts[0].equals(VERSION)
                || !parts[1].equals(KEY_WRAP)
                || !parts[2].equals(CONTENT)
                || !parts[3].matches("[0-9a-f]{16}")) {
            throw new Unopenable("not a " + VERSION + " envelope");
        }
        try {
            return new SealedSecret(
                    parts[3], DECODER.decode(parts[4]), DECODER.decode(parts[5]), DECODER.decode(parts[6]));
        } catch (IllegalArgumentException e) {
            throw new Unopenable("not a " + VERSION + " envelope");
        }
    }

    /** The envelope's header and the row it belongs to, authenticated along with the ciphertext. */
    private static byte[] associatedData(String kekId, RowIdentity row) {
        return String.join(".", VERSION, KEY_WRAP, CONTENT, kekId, row.aad()).getBytes(StandardCharsets.UTF_8);
    }

    /** Never the key material. */
    @Override
    public String toString() {
        return "SealedSecret[" + kekId + "]";
    }
}
