package dev.agentry.core.artifacts;

import dev.agentry.core.sandbox.FileDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The id of a bundle's content: {@code sha256:<hex>} over the domain line
 * {@code agentry/artifact-content/v1\n}, then for each of {@link #INPUTS} its path, a newline, its
 * length in bytes in decimal, a newline, and its exact bytes. The lengths keep two different pairs of
 * files from ever hashing the same input.
 */
public final class BundleId {

    public static final String DOMAIN = "agentry/artifact-content/v1";
    public static final String CHANGED_FILES = "files/changed-files.json";
    public static final String PATCH = "files/patch.diff";
    public static final List<String> INPUTS = List.of(CHANGED_FILES, PATCH);

    private BundleId() {}

    /** The id of the two inputs, given in the order of {@link #INPUTS}. */
    public static String of(byte[] changedFiles, byte[] patch) {
        MessageDigest digest = FileDigest.sha256();
        digest.update((DOMAIN + "\n").getBytes(StandardCharsets.UTF_8));
        add(digest, CHANGED_FILES, changedFiles);
        add(digest, PATCH, patch);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String path, byte[] bytes) {
        digest.update((path + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }
}
