package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a task: written by JSON-B, the same as the hand-written writer of earlier versions wrote. */
class StoredTaskTest {

    /** A row as versions up to the hand-written writer stored it: every member, an uploaded archive. */
    private static final String OLD_ROW_WITH_ARCHIVE = "{\"schema\":\"agentry/task-input/v1\",\"goal\":\"g\","
            + "\"target\":\"t\",\"agent\":\"a\",\"allowedTools\":[\"files.read\"],\"expectedArtifacts\":[\"out.txt\"],"
            + "\"provider\":\"scripted\",\"model\":\"m\",\"workspace\":{\"archive\":{\"bytes\":3,\"sha256\":"
            + "\"ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc\"}},\"verifySteps\":[\"test\"],"
            + "\"secretEnv\":[\"TOKEN\"],\"toolPolicy\":{\"deny\":[\"shell\"]},\"timeoutSeconds\":60,\"maxTurns\":20,"
            + "\"maxToolCalls\":100,\"maxCallsPerTool\":3,\"sessionId\":\"s1\",\"context\":{\"k\":1},"
            + "\"orchestrator\":{\"o\":true},\"script\":[],\"retentionDays\":7}";

    /** The same writer's form of a task with a seed and nothing optional. */
    private static final String OLD_ROW_WITH_SEED = "{\"schema\":\"agentry/task-input/v1\",\"goal\":\"g\","
            + "\"agent\":\"a\",\"allowedTools\":[],\"expectedArtifacts\":[],\"workspace\":{\"seed\":\"demo\"},"
            + "\"verifySteps\":[],\"secretEnv\":[],\"toolPolicy\":{\"deny\":[]},\"timeoutSeconds\":600,"
            + "\"maxTurns\":20,\"maxToolCalls\":100,\"retentionDays\":30}";

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void aRowAnEarlierVersionWroteReadsBack() {
        TaskInput task = StoredTask.read(json(OLD_ROW_WITH_ARCHIVE));

        assertEquals("g", task.goal());
        assertEquals("t", task.target());
        assertEquals(List.of("files.read"), task.allowedTools());
        assertEquals(List.of("shell"), task.deniedTools());
        assertEquals(Duration.ofSeconds(60), task.timeout());
        assertEquals(3, task.maxCallsPerTool());
        assertEquals(1, task.context().getInt("k"));
        assertEquals(7, task.retentionDays());
        assertArrayEquals(new byte[0], task.archive(), "unpacked at submission; the row keeps its digest only");

        TaskInput seeded = StoredTask.read(json(OLD_ROW_WITH_SEED));
        assertEquals("demo", seeded.seed());
        assertEquals(Duration.ofSeconds(600), seeded.timeout());
        assertEquals(null, seeded.maxCallsPerTool());
    }

    @Test
    void jsonbWritesTheFormEarlierVersionsStored() {
        TaskInput withArchive = new TaskInput(
                "g",
                "t",
                "a",
                List.of("files.read"),
                List.of("out.txt"),
                "scripted",
                "m",
                null,
                new byte[] {0, 1, 2},
                List.of("test"),
                List.of("TOKEN"),
                List.of("shell"),
                Duration.ofSeconds(60),
                20,
                100,
                3,
                "s1",
                json("{\"k\":1}").asJsonObject(),
                json("{\"o\":true}").asJsonObject(),
                JsonValue.EMPTY_JSON_ARRAY,
                7,
                null,
                false);
        TaskInput withSeed = new TaskInput(
                "g",
                null,
                "a",
                List.of(),
                List.of(),
                null,
                null,
                "demo",
                null,
                List.of(),
                List.of(),
                List.of(),
                Duration.ofSeconds(600),
                20,
                100,
                null,
                null,
                null,
                null,
                null,
                30,
                null,
                false);

        assertEquals(OLD_ROW_WITH_ARCHIVE, StoredTask.of(withArchive).json());
        assertEquals(OLD_ROW_WITH_SEED, StoredTask.of(withSeed).json());
    }
}
