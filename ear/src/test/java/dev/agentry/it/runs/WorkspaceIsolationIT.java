package dev.agentry.it.runs;

import static dev.agentry.it.harness.Runs.artifact;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.awaitStatus;
import static dev.agentry.it.harness.Runs.start;
import static dev.agentry.it.harness.Runs.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run's workspace shares the seed's files (hard links) until something other than the workspace
 * tools could write them: whatever a run does, by a tool or by a verify step writing in place,
 * truncating and changing modes, the seed and another run's workspace keep every byte and mode,
 * and the run's own bundle shows the change.
 */
@ExtendWith(ArquillianExtension.class)
class WorkspaceIsolationIT {

    private static final Path SEED = Path.of(System.getProperty("it.runs-dir"), "seed");

    @Test
    void aStepWritingInPlaceChangesNeitherTheSeedNorARunningRunsWorkspace() throws IOException {
        Map<String, String> seed = snapshot(SEED);
        // The bystander runs no process and writes nothing: its workspace stays the seed's files.
        String bystander = start(task("demo", "[]", "[]", "[{\"delayMs\":10000,\"final\":\"waited\"}]"))
                .getString("id");
        awaitStatus(bystander, "running");
        Path bystanding = workspace(bystander);
        assertEquals(
                inode(SEED.resolve("greeting.txt")),
                inode(bystanding.resolve("greeting.txt")),
                "the workspaces share the seed's files, or this test proves nothing");

        // The step is the agent's to ask for (not the task's, whose workspace would be copied from the
        // start): the workspace is shared until the step is about to run.
        String writer = start(task(
                        "demo",
                        "[\"workspace.write\",\"verify.run\"]",
                        "[]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"src/app.txt\","
                                + "\"content\":\"line one\\nline two\\nfixed\\nline four\\n\"}}]},"
                                + "{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"in-place\"}}],"
                                + "\"final\":\"done\"}]"))
                .getString("id");
        JsonObject run = awaitEnd(writer);
        assertEquals("succeeded", run.getString("status"), run.toString());
        assertTrue(
                run.getJsonObject("timings").containsKey("privateCopyMs"),
                run.getJsonObject("timings").toString());

        assertEquals("running", Runs.get(bystander).getString("status"), "the bystander is still running");
        assertEquals(seed, snapshot(SEED), "the seed, byte for byte and mode for mode");
        assertEquals(seed, snapshot(bystanding), "the running bystander's workspace");

        Map<String, String> changes = artifactJson(writer, "files/changed-files.json").getJsonArray("files").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.getString("path"), f -> f.getString("change")));
        assertEquals(Map.of("src/app.txt", "modified", "greeting.txt", "modified", "noeol.txt", "modified"), changes);
        String patch = artifact(writer, "files/patch.diff");
        assertTrue(patch.contains(" Hello, seed!\n+appended\n"), patch);
        assertTrue(patch.contains("+fixed\n"), patch);

        JsonObject ended = awaitEnd(bystander);
        assertEquals("no_op", ended.getString("outcome"), ended.toString());
        assertFalse(ended.getJsonObject("timings").containsKey("privateCopyMs"), "no process, no copies");
        assertEquals(seed, snapshot(SEED));
    }

    @Test
    void aStepWritingInPlaceLeavesAnArchiveRunsBaselineAsUnpacked() throws IOException {
        String archive = Base64.getEncoder()
                .encodeToString(Runs.archive(
                        Map.of(
                                "greeting.txt", "Hello, archive!\n".getBytes(StandardCharsets.UTF_8),
                                "noeol.txt", "kept".getBytes(StandardCharsets.UTF_8)),
                        List.of()));
        String id = start("{\"goal\":\"edit\",\"agent\":\"demo\",\"workspace\":{\"archive\":\"" + archive + "\"},"
                        + "\"allowedTools\":[\"verify.run\"],\"script\":[{\"toolCalls\":[{\"tool\":\"verify.run\","
                        + "\"arguments\":{\"step\":\"in-place\"}}],\"final\":\"ok\"}]}")
                .getString("id");
        JsonObject run = awaitEnd(id);
        assertTrue(
                run.getJsonObject("timings").containsKey("privateCopyMs"),
                run.getJsonObject("timings").toString());
        // The diff reads the unpacked archive and checks its hashes: written in place, the run would fail.
        assertEquals("succeeded", run.getString("outcome"), run.toString());
        String patch = artifact(id, "files/patch.diff");
        assertTrue(patch.contains(" Hello, archive!\n+appended\n"), patch);
        assertTrue(patch.contains("-kept\n"), patch);
    }

    private static Path workspace(String id) {
        return Path.of(System.getProperty("it.data-dir"), "agentry", "runs", id, "workspace");
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** Every plain file under a directory: its permissions and content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                files.put(
                        root.relativize(file).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " "
                                + Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
