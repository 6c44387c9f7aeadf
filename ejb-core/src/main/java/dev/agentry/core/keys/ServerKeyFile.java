package dev.agentry.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A key the server keeps outside its database: from configuration (base64), or else generated once
 * into a file in the server's data directory that only the server's user can read (POSIX 600). The
 * audit HMAC key and the secrets' key-encryption keys both live this way.
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
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] key = new byte[length];
        RANDOM.nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            create(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key file " + file, e);
        }
        return key;
    }

    /** The key in {@code file}. */
    public static byte[] read(Path file) {
        try {
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }

    /**
     * Creates {@code file} (it must not exist) holding {@code key}, readable by the server's user only,
     * and forces it to the disk: a key file that a crash could leave empty would lose every secret.
     */
    public static void create(Path file, byte[] key) throws IOException {
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(
                file,
                java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            channel.write(ByteBuffer.wrap(text));
            channel.force(true);
        }
    }

    /** Forces a directory's entries (a new or renamed key file) to the disk. */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
