package dev.agentry.core.policy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A credential's secret: {@code agy_}, 43 base62 characters carrying 32 random bytes, and a 6-character
 * CRC32 checksum of them. The checksum lets scanners and the server reject look-alikes and typos
 * without a database lookup. Only {@link #hash()} is ever stored; {@link #toString()} never shows the
 * value.
 */
final class ClientSecret {

    public static final String PREFIX = "agy_";
    static final int RANDOM_BYTES = 32;
    static final int BODY_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + BODY_LENGTH + CHECKSUM_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    public static ClientSecret generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String body = Base62.encode(random, BODY_LENGTH);
        return new ClientSecret(PREFIX + body + checksum(body));
    }

    /** The secret, if the text is well formed and its checksum matches; nothing otherwise. */
    public static Optional<ClientSecret> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = text.substring(PREFIX.length(), PREFIX.length() + BODY_LENGTH);
        String checksum = text.substring(PREFIX.length() + BODY_LENGTH);
        if (!Base62.isBase62(body) || !checksum.equals(checksum(body))) {
            return Optional.empty();
        }
        return Optional.of(new ClientSecret(text));
    }

    /** The only form that is stored: SHA-256 of the secret, in hex. */
    public String hash() {
        return sha256(value);
    }

    /** Whether this secret is the one behind a stored hash, compared in constant time. */
    public boolean matches(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The plaintext, for the one response that shows it to its owner. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
