package dev.agentry.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aSealedBundleVerifiesAndItsIdIsOverTheDomainAndBothInputs() {
        Path bundle = sealed();
        Verification verification = BundleVerifier.verify(bundle);
        assertTrue(verification.valid(), verification.toString());
        assertEquals(BundleId.of(bytes("{\"files\":[]}"), bytes("")), verification.bundleId());
        assertEquals(3, verification.files());
    }

    @Test
    void theIdFramesEachInputSoMovingBytesBetweenThemChangesIt() {
        assertFalse(BundleId.of(bytes("ab"), bytes("c")).equals(BundleId.of(bytes("a"), bytes("bc"))));
        assertTrue(BundleId.of(bytes("x"), bytes("y")).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void everyKindOfTamperingIsReportedWithItsCode() throws Exception {
        Path bundle = sealed();
        Files.writeString(bundle.resolve("files/patch.diff"), "changed\n");
        Files.delete(bundle.resolve("logs/run.log"));
        Files.writeString(bundle.resolve("extra.txt"), "unlisted");
        // A link out of the bundle, to a file the test's own directory holds (cleaned up with it).
        Files.createSymbolicLink(
                bundle.resolve("link"), Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n"));
        assertEquals(
                Set.of(
                        "hash_mismatch",
                        "size_mismatch",
                        "bundle_id_mismatch",
                        "missing_file",
                        "orphaned_file",
                        "unsafe_file"),
                codes(BundleVerifier.verify(bundle)));
    }

    @Test
    void aMissingOrMalformedManifestIsReported() throws Exception {
        Path bundle = sealed();
        Files.writeString(
                bundle.resolve(BundleWriter.MANIFEST), "{\"files\":[{\"path\":\"../x\",\"size\":1,\"sha256\":\"a\"}]");
        assertEquals(Set.of("malformed_manifest"), codes(BundleVerifier.verify(bundle)));
        Files.writeString(
                bundle.resolve(BundleWriter.MANIFEST), "{\"files\":[{\"path\":\"../x\",\"size\":1,\"sha256\":\"a\"}]}");
        assertTrue(codes(BundleVerifier.verify(bundle)).contains("invalid_path"));
        Files.delete(bundle.resolve(BundleWriter.MANIFEST));
        assertTrue(codes(BundleVerifier.verify(bundle)).contains("missing_manifest"));
    }

    private Path sealed() {
        BundleWriter writer = new BundleWriter(dir.resolve("bundle"));
        writer.add(BundleId.CHANGED_FILES, "changed-files", "{\"files\":[]}");
        writer.add(BundleId.PATCH, "patch", "");
        writer.add("logs/run.log", "log", "hello\n");
        writer.seal("run_1", "2026-11-22T00:00:00Z");
        return writer.root();
    }

    private static Set<String> codes(Verification verification) {
        assertFalse(verification.valid());
        return verification.violations().stream().map(Violation::code).collect(Collectors.toSet());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
