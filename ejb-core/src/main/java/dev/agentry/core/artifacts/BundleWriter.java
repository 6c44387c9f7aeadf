package dev.agentry.core.artifacts;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.Workspace;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a bundle file by file and seals it with its manifest last: a bundle without a manifest was
 * never finished. Every file is hashed as it is written; nothing is read back.
 */
public final class BundleWriter {

    public static final String MANIFEST = "manifest.json";
    public static final String SCHEMA = "agentry/artifact-manifest/v1";

    private record Entry(String kind, long size, String sha256) {}

    private final Path root;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public BundleWriter(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public void add(String path, String kind, String text) {
        add(path, kind, text.getBytes(StandardCharsets.UTF_8));
    }

    public void add(String path, String kind, byte[] bytes) {
        String name = Workspace.check(path);
        if (name.equals(MANIFEST) || name.isEmpty()) {
            throw new IllegalArgumentException("not a bundle file name: " + path);
        }
        Path file = root.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(name, new Entry(kind, bytes.length, FileDigest.of(bytes)));
    }

    public boolean has(String path) {
        return entries.containsKey(path);
    }

    /** Writes the manifest and returns the bundle id; nothing may be added afterwards. */
    public String seal(String runId, String createdAt) {
        try {
            byte[] changed = Files.readAllBytes(root.resolve(BundleId.CHANGED_FILES));
            byte[] patch = Files.readAllBytes(root.resolve(BundleId.PATCH));
            String id = BundleId.of(changed, patch);
            JsonArrayBuilder files = Jsonp.createArrayBuilder();
            entries.forEach((path, entry) -> files.add(Jsonp.createObjectBuilder()
                    .add("path", path)
                    .add("kind", entry.kind())
                    .add("size", entry.size())
                    .add("sha256", entry.sha256())));
            JsonObject manifest = Jsonp.createObjectBuilder()
                    .add("schema", SCHEMA)
                    .add("bundleId", id)
                    .add("runId", runId)
                    .add("createdAt", createdAt)
                    .add("files", files)
                    .build();
            Files.writeString(root.resolve(MANIFEST), manifest.toString());
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
