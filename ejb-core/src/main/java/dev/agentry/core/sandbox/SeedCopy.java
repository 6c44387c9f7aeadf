package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Copies a seed directory into a run, hashing each file on the way so the baseline costs no second
 * read. Links are never followed or copied: an operator's seed must not become a door out.
 */
public final class SeedCopy {

    private SeedCopy() {}

    /** Copies every plain file of {@code source} under {@code target} and returns their hashes. */
    public static Baseline copy(Path source, Path target) {
        TreeMap<String, String> files = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        byte[] buffer = new byte[128 * 1024];
        try {
            Files.createDirectories(target);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(
                            target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = source.relativize(file).toString().replace('\\', '/');
                    if (!attrs.isRegularFile()) {
                        skipped.add(name);
                        return FileVisitResult.CONTINUE;
                    }
                    MessageDigest digest = FileDigest.sha256();
                    try (InputStream in = Files.newInputStream(file);
                            OutputStream out =
                                    new DigestOutputStream(Files.newOutputStream(target.resolve(name)), digest)) {
                        for (int read; (read = in.read(buffer)) > 0; ) {
                            out.write(buffer, 0, read);
                        }
                    }
                    files.put(name, HexFormat.of().formatHex(digest.digest()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Baseline(files, skipped);
    }

    /** A plain copy of a tree of plain files, as the baseline is copied into the workspace. */
    public static void mirror(Path source, Path target) {
        try {
            Files.createDirectories(target);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(
                            target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(
                                file,
                                target.resolve(source.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a tree without following links; missing is fine. */
    public static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes of every plain file under a directory now, links listed as skipped. */
    public static Baseline scan(Path root) {
        TreeMap<String, String> files = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile()) {
                        files.put(name, FileDigest.of(file));
                    } else {
                        skipped.add(name);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Baseline(files, skipped);
    }
}
