package dev.agentry.core.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A directory's entries a page at a time in name order, as retention's key order for files: the names after
 * a checkpoint, the smallest {@code limit} of them, kept in a bounded set while the directory streams by, so
 * memory stays at one page however large the directory is. Links are never entries: nothing outside the
 * directory is reached through one.
 */
final class DirectoryListing {

    private DirectoryListing() {}

    /**
     * The names of up to {@code limit} entries after {@code after} ({@code null}: from the start), in name
     * order, of those that are directories ({@code directories}) or regular files.
     */
    static List<String> page(Path directory, boolean directories, String after, int limit) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || limit <= 0) {
            return List.of();
        }
        Predicate<Path> kind = directories
                ? p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                : p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        TreeSet<String> smallest = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((after != null && name.compareTo(after) <= 0)
                        || (smallest.size() == limit && name.compareTo(smallest.last()) >= 0)
                        || !kind.test(entry)) {
                    continue;
                }
                smallest.add(name);
                if (smallest.size() > limit) {
                    smallest.pollLast();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(smallest);
    }

    /** When the entry last changed, without following a link; {@code null} if it is gone. */
    static Instant modified(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .lastModifiedTime()
                    .toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
