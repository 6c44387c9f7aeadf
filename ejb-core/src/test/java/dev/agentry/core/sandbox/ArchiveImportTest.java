package dev.agentry.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveImportTest {

    private static final ArchiveImport.Limits LIMITS = new ArchiveImport.Limits(1024 * 1024, 100);

    @TempDir
    Path dir;

    @Test
    void plainEntriesAreUnpackedAndHostileOnesReportedNotWritten() throws Exception {
        Path zip = dir.resolve("seed.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            file(out, "src/ok.txt", "fine");
            file(out, "../escape.txt", "no");
            file(out, "/etc/evil", "no");
            ZipArchiveEntry link = new ZipArchiveEntry("link");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        Path target = Files.createDirectory(dir.resolve("out"));
        List<ArchiveImport.Refused> refused = ArchiveImport.extract(zip, target, LIMITS);
        assertEquals(
                List.of(
                        new ArchiveImport.Refused("../escape.txt", "path_traversal"),
                        new ArchiveImport.Refused("/etc/evil", "absolute_path"),
                        new ArchiveImport.Refused("link", "unsafe_file")),
                refused);
        assertEquals("fine", Files.readString(target.resolve("src/ok.txt")));
        assertFalse(Files.exists(dir.resolve("escape.txt")));
        assertFalse(Files.exists(target.resolve("link")));
    }

    @Test
    void anArchiveThatInflatesPastTheLimitIsRejectedWhateverItsHeadersSay() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("zeros"));
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 40; i++) {
                out.write(block);
            }
            out.closeArchiveEntry();
        }
        assertTrue(Files.size(zip) < 64 * 1024, "it compresses well");
        Path target = Files.createDirectory(dir.resolve("out"));
        assertThrows(ArchiveImport.Rejected.class, () -> ArchiveImport.extract(zip, target, LIMITS));
    }

    @Test
    void tooManyEntriesAndNonZipsAreRejected() throws Exception {
        Path zip = dir.resolve("many.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (int i = 0; i < 101; i++) {
                file(out, "f" + i, "x");
            }
        }
        Path target = Files.createDirectory(dir.resolve("out"));
        assertThrows(ArchiveImport.Rejected.class, () -> ArchiveImport.extract(zip, target, LIMITS));
        Path text = Files.writeString(dir.resolve("text.zip"), "not a zip");
        assertThrows(ArchiveImport.Rejected.class, () -> ArchiveImport.extract(text, target, LIMITS));
    }

    private static void file(ZipArchiveOutputStream out, String name, String content) throws Exception {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
    }
}
