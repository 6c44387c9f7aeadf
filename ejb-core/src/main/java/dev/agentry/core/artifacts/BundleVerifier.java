package dev.agentry.core.artifacts;

import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.SandboxViolation;
import dev.agentry.core.sandbox.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a bundle directory against its manifest: every listed file present, plain, inside the
 * bundle and with its size and SHA-256; nothing unlisted; the bundle id recomputed from the content.
 * It reports every violation, not the first, so one answer tells the whole story. The manifest is
 * read streaming within caps ({@link ManifestReader}): an uploaded one is not trusted to be small.
 */
public final class BundleVerifier {

    private BundleVerifier() {}

    public static Verification verify(Path bundle) {
        return verify(bundle, List.of());
    }

    /** Verifies, adding violations found before the files were on disk (refused archive entries). */
    public static Verification verify(Path bundle, List<Violation> earlier) {
        List<Violation> violations = new ArrayList<>(earlier);
        Path manifestFile = bundle.resolve(BundleWriter.MANIFEST);
        Set<String> onDisk = new HashSet<>();
        walk(bundle, onDisk, violations);
        if (!Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            violations.add(new Violation("missing_manifest", BundleWriter.MANIFEST, "The bundle has no manifest."));
            return new Verification(false, null, 0, violations);
        }
        ManifestReader.Manifest manifest;
        try {
            manifest = ManifestReader.read(manifestFile);
        } catch (ManifestReader.Malformed e) {
            violations.add(new Violation("malformed_manifest", BundleWriter.MANIFEST, e.getMessage()));
            return new Verification(false, null, 0, violations);
        }
        String declaredId = manifest.bundleId();
        Set<String> listed = new HashSet<>();
        for (ManifestReader.Entry entry : manifest.entries()) {
            check(bundle, entry, listed, violations);
        }
        for (String name : onDisk) {
            if (!listed.contains(name) && !name.equals(BundleWriter.MANIFEST)) {
                violations.add(new Violation("orphaned_file", name, "The file is not in the manifest."));
            }
        }
        String actualId = recomputeId(bundle);
        if (actualId == null || !actualId.equals(declaredId)) {
            violations.add(
                    new Violation("bundle_id_mismatch", null, "The bundle id does not match the content it names."));
        }
        return new Verification(violations.isEmpty(), declaredId, listed.size(), violations);
    }

    private static void check(Path bundle, ManifestReader.Entry entry, Set<String> listed, List<Violation> violations) {
        if (!entry.complete()) {
            violations.add(new Violation(
                    "malformed_manifest", BundleWriter.MANIFEST, "A manifest entry lacks path, size or sha256."));
            return;
        }
        String name = entry.path();
        String checked;
        try {
            checked = Workspace.check(name);
        } catch (SandboxViolation e) {
            violations.add(new Violation("invalid_path", name, "The path is not inside the bundle."));
            return;
        }
        if (checked.isEmpty() || !checked.equals(name) || name.equals(BundleWriter.MANIFEST)) {
            violations.add(new Violation("invalid_path", name, "The path is not a file name in the bundle."));
            return;
        }
        listed.add(name);
        Path file = bundle.resolve(name);
        if (Files.isSymbolicLink(file)) {
            return; // reported by the walk as unsafe
        }
        if (!Workspace.isPlainFile(file)) {
            violations.add(new Violation("missing_file", name, "The manifest lists a file the bundle lacks."));
            return;
        }
        try {
            if (Files.size(file) != entry.size()) {
                violations.add(new Violation("size_mismatch", name, "The file's size differs from the manifest."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!FileDigest.of(file).equals(entry.sha256())) {
            violations.add(new Violation("hash_mismatch", name, "The file's SHA-256 differs from the manifest."));
        }
    }

    private static String recomputeId(Path bundle) {
        Path changed = bundle.resolve(BundleId.CHANGED_FILES);
        Path patch = bundle.resolve(BundleId.PATCH);
        if (!Workspace.isPlainFile(changed) || !Workspace.isPlainFile(patch)) {
            return null;
        }
        try {
            return BundleId.of(Files.readAllBytes(changed), Files.readAllBytes(patch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every plain file's name; anything else (a link, a device) is unsafe and reported. */
    private static void walk(Path bundle, Set<String> files, List<Violation> violations) {
        if (!Files.isDirectory(bundle)) {
            return;
        }
        try {
            Files.walkFileTree(bundle, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = bundle.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile()) {
                        files.add(name);
                    } else {
                        violations.add(new Violation("unsafe_file", name, "Only plain files may be in a bundle."));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
