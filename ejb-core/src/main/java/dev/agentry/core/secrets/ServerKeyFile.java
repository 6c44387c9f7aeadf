package dev.agentry.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A key the server keeps outside its database: from configuration (base64), or else generated once
 * into a file in the server's data directory that only the server's user can read (POSIX 600). The
 * audit HMAC key and the secrets' key-encryption key both live this way.
 */
public final class ServerKeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerKeyFile() {}

    /** The configured key if there is one, else the key in {@code file}, created with {@code length} random bytes. */
    public static byte[] configuredOrFile(Optional<String> configured, Path file, int length) {
        return configured
                .map(value -> Base64.getDecoder().decode(value.strip()))
                .orElseGet(() -> readOrCreate(file, length));
    }

    /** The key in {@code file}, created with {@code length} random bytes if the file does not exist. */
    public static synchronized byte[] readOrCreate(Path file, int length) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip());
            }
            byte[] key = new byte[length];
            RANDOM.nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
