package dev.agentry.core.secrets;

import dev.agentry.core.keys.ServerKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default: KEKs in files beside the database, readable by the server's user only. The
 * current one is {@code secrets-kek.key} (the name schema V10 created); a retired one is
 * {@code secrets-kek-<id>.key}. Rotation writes the retired copy first and then replaces the current
 * file atomically, so a crash at any point leaves every KEK a row may name on disk.
 */
final class KeyFileRing implements KeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RETIRED = Pattern.compile("secrets-kek-([0-9a-f]{16})\\.key");

    private final Path current;

    KeyFileRing(Path current) {
        this.current = current;
    }

    /** Whether the current key file exists: whether this ring ever held a KEK. */
    boolean exists() {
        return Files.exists(current);
    }

    @Override
    public String source() {
        return "key-file";
    }

    @Override
    public synchronized KeyEncryptionKey current() {
        return new KeyEncryptionKey(ServerKeyFile.readOrCreate(current, KeyEncryptionKey.LENGTH));
    }

    @Override
    public synchronized Optional<KeyEncryptionKey> find(String kekId) {
        KeyEncryptionKey now = current();
        if (now.id().equals(kekId)) {
            return Optional.of(now);
        }
        Path file = retiredFile(kekId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        KeyEncryptionKey retired = new KeyEncryptionKey(ServerKeyFile.read(file));
        // a file renamed by hand to another id must not stand in for that id's key
        return retired.id().equals(kekId) ? Optional.of(retired) : Optional.empty();
    }

    @Override
    public synchronized Set<String> retired() {
        Set<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(current.getParent(), "secrets-kek-*.key")) {
            for (Path file : files) {
                Matcher name = RETIRED.matcher(file.getFileName().toString());
                if (name.matches()) {
                    ids.add(name.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key files in " + current.getParent(), e);
        }
        return ids;
    }

    @Override
    public synchronized KeyEncryptionKey rotate() {
        byte[] previous = ServerKeyFile.readOrCreate(current, KeyEncryptionKey.LENGTH);
        String previousId = new KeyEncryptionKey(previous).id();
        byte[] fresh = new byte[KeyEncryptionKey.LENGTH];
        RANDOM.nextBytes(fresh);
        try {
            Path retired = retiredFile(previousId);
            if (!Files.exists(retired)) {
                ServerKeyFile.create(retired, previous);
            }
            Path next = current.resolveSibling(current.getFileName() + ".next");
            Files.deleteIfExists(next);
            ServerKeyFile.create(next, fresh);
            Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ServerKeyFile.forceDirectory(current.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a key file in " + current.getParent(), e);
        }
        return new KeyEncryptionKey(fresh);
    }

    @Override
    public synchronized boolean destroy(String kekId) {
        try {
            boolean removed = Files.deleteIfExists(retiredFile(kekId));
            ServerKeyFile.forceDirectory(current.getParent());
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a retired key file in " + current.getParent(), e);
        }
    }

    private Path retiredFile(String kekId) {
        if (!kekId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not a KEK id");
        }
        return current.resolveSibling("secrets-kek-" + kekId + ".key");
    }
}
