package dev.agentry.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    @TempDir
    Path dir;

    @Test
    void aManifestIsReadEntryByEntryKeepingIncompleteEntriesAsSuch() throws Exception {
        ManifestReader.Manifest manifest = read("""
                {"schema":"agentry/artifact-manifest/v1","bundleId":"sha256:ab","extra":{"deep":[1,{"x":2}]},
                 "files":[{"path":"a.txt","kind":"log","size":3,"sha256":"cd"},{"path":"b.txt","size":"3"},7]}""");
        assertEquals("sha256:ab", manifest.bundleId());
        assertEquals(3, manifest.entries().size());
        assertEquals(
                new ManifestReader.Entry("a.txt", 3L, "cd"), manifest.entries().get(0));
        assertEquals(
                new ManifestReader.Entry("b.txt", null, null),
                manifest.entries().get(1));
        assertEquals(
                new ManifestReader.Entry(null, null, null), manifest.entries().get(2));
    }

    @Test
    void nestingFarBeyondTheCapIsMalformedQuicklyAndWithoutAStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        long started = System.nanoTime();
        assertMalformed("{\"files\":" + deep + "}", "nested deeper");
        assertMalformed(deep, "not a JSON object");
        assertMalformed("{\"other\":" + deep + ",\"files\":[]}", "nested deeper");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
    }

    @Test
    void tooManyEntriesTooManyBytesAndBrokenJsonAreMalformed() throws Exception {
        StringBuilder many = new StringBuilder("{\"files\":[");
        for (int i = 0; i <= ManifestReader.MAX_ENTRIES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"path\":\"f").append(i).append("\",\"size\":1,\"sha256\":\"x\"}");
        }
        assertMalformed(many.append("]}").toString(), "more than " + ManifestReader.MAX_ENTRIES);

        Path large = dir.resolve("manifest.json");
        Files.writeString(large, "{\"files\":[],\"pad\":\"" + "x".repeat((int) ManifestReader.MAX_BYTES) + "\"}");
        ManifestReader.Malformed tooLarge =
                assertThrows(ManifestReader.Malformed.class, () -> ManifestReader.read(large));
        assertTrue(tooLarge.getMessage().contains("larger than"), tooLarge.getMessage());

        assertMalformed("{\"files\":[", "");
        assertMalformed("{\"files\":[]} trailing", "");
        assertMalformed("{\"files\":{}}", "with files");
        assertMalformed("", "");
    }

    private static ManifestReader.Manifest read(String json) throws ManifestReader.Malformed {
        return ManifestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertMalformed(String json, String messagePart) {
        ManifestReader.Malformed malformed = assertThrows(ManifestReader.Malformed.class, () -> read(json));
        assertTrue(malformed.getMessage().contains(messagePart), malformed.getMessage());
    }
}
