package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip into a directory without trusting it. Entries that would land outside (traversal,
 * absolute names) and link entries are not written but reported; the sizes the archive declares are
 * not believed either: bytes are counted as they are inflated, and unpacking stops at the limits.
 */
public final class ArchiveImport {

    /** The limits one archive must stay within. */
    public record Limits(long maxBytes, int maxEntries) {}

    /** An entry that was not written, and why ({@code path_traversal}, {@code unsafe_file}, ...). */
    public record Refused(String name, String code) {}

    /** Raised when an archive is malformed or passes a limit: nothing it contained can be trusted. */
    public static class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Rejected(String message) {
            super(message);
        }
    }

    private ArchiveImport() {}

    public static List<Refused> extract(Path zip, Path target, Limits limits) {
        List<Refused> refused = new ArrayList<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
                if (++entries > limits.maxEntries()) {
                    throw new Rejected("The archive has more than " + limits.maxEntries() + " entries.");
                }
                String name;
                try {
                    name = Workspace.check(entry.getName());
                } catch (SandboxViolation e) {
                    refused.add(new Refused(entry.getName(), e.code()));
                    continue;
                }
                if (entry.isUnixSymlink()) {
                    refused.add(new Refused(name, "unsafe_file"));
                    continue;
                }
                Path path = target.resolve(name).normalize();
                if (!path.startsWith(target)) {
                    refused.add(new Refused(name, "path_traversal"));
                    continue;
                }
                if (entry.isDirectory() || name.isEmpty()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = archive.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(path)) {
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        total += read;
                        if (total > limits.maxBytes()) {
                            throw new Rejected("The archive unpacks to more than " + limits.maxBytes() + " bytes.");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (IOException e) {
            throw new Rejected("The archive is not a readable zip file.");
        } catch (UncheckedIOException e) {
            throw new Rejected("The archive is not a readable zip file.");
        }
        return refused;
    }
}
