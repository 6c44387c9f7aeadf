package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Runs.artifact;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Git;
import dev.agentry.it.harness.Management;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every piece of a run's work is bounded and stoppable (SPEC section 9, issue 13): a huge many-line
 * file costs time linear in its size and becomes a whole-file change, no server thread works on after
 * the run ended, whole-file and binary changes still make a patch git applies, and an uploaded
 * manifest too deep or too long is a violation, not a 500.
 */
@ExtendWith(ArquillianExtension.class)
class BoundedWorkIT {

    /** The file of issue 13: 20 MiB in 873,813 lines, 20 KB zipped, that once kept a thread busy for hours. */
    static final int BIG_LINES = 873_813;

    static final String BIG_LINE = "a line of twenty-four b\n";

    private static final String[] THREADING = {"core-service", "platform-mbean", "type", "threading"};

    @Test
    void deletingATwentyMebibyteManyLineFileIsAWholeFileChangeAndNoThreadWorksOnAfterTheRun() throws Exception {
        Map<String, byte[]> seed = new LinkedHashMap<>();
        seed.put("big.txt", BIG_LINE.repeat(BIG_LINES).getBytes(StandardCharsets.UTF_8));
        seed.put("keep.txt", "kept\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(20 * 1024 * 1024 - 8, seed.get("big.txt").length);
        byte[] archive = Runs.archive(seed, List.of());
        assertTrue(archive.length < 256 * 1024, "the seed zips to " + archive.length + " bytes");

        String id = start(archiveTask(
                        archive,
                        "[\"workspace.delete\"]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.delete\",\"arguments\":{\"path\":\"big.txt\"}}],\"final\":\"ok\"}]",
                        60))
                .getString("id");
        JsonObject run = awaitEnd(id);
        long ended = System.nanoTime();
        assertEquals("succeeded", run.getString("status"), "finished within its 60 s timeout: " + run);
        assertEquals("succeeded", run.getString("outcome"));

        JsonObject changed = artifactJson(id, "files/changed-files.json");
        assertTrue(changed.getBoolean("complete"), changed.toString());
        assertEquals(1, changed.getInt("count"));
        JsonObject big = changed.getJsonArray("files").getJsonObject(0);
        assertEquals("big.txt", big.getString("path"));
        assertEquals("deleted", big.getString("change"));
        assertTrue(big.getBoolean("binary"), "a whole-file change has no text hunk: " + big);
        String patch = artifact(id, "files/patch.diff");
        assertTrue(
                patch.startsWith("diff --git a/big.txt b/big.txt\ndeleted file mode 100644\nindex "),
                patch.substring(0, Math.min(300, patch.length())));
        assertTrue(patch.contains("GIT binary patch\nliteral 0\n"), patch);
        assertTrue(patch.length() < 1024, "a whole-file deletion carries no content: " + patch.length() + " chars");
        assertValid(id);
        Path applied = applied(seed, patch);
        assertFalse(Files.exists(applied.resolve("big.txt")));
        assertEquals("kept\n", Files.readString(applied.resolve("keep.txt")));

        // Once the run has ended, no thread of the server may go on computing for it: by 20 s after its end,
        // five seconds in a row in which no thread used more than a fifth of a second of CPU per second (the
        // rate the earlier 5 s window allowed; a spike of the JIT or the GC only restarts the five seconds).
        AtomicReference<Map<Long, Long>> previous = new AtomicReference<>(threadCpuNanos());
        AtomicReference<List<String>> busy = new AtomicReference<>(List.of());
        Duration within = Duration.ofNanos(Math.max(
                ended + Duration.ofSeconds(20).toNanos() - System.nanoTime(),
                Duration.ofSeconds(6).toNanos()));
        try {
            Eventually.settles("no server thread computing after the run ended", within, Duration.ofSeconds(5), () -> {
                Map<Long, Long> now = threadCpuNanos();
                busy.set(busySince(previous.getAndSet(now), now));
                return busy.get().isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; busy at the last check: " + busy.get(), e);
        }
    }

    /** The threads that used more than a fifth of a second of CPU per second between two samples a second apart. */
    private static List<String> busySince(Map<Long, Long> before, Map<Long, Long> after) {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            Long earlier = before.get(thread.getKey());
            if (earlier != null
                    && earlier >= 0
                    && thread.getValue() - earlier > Duration.ofMillis(200).toNanos()) {
                busy.add(threadName(thread.getKey()) + " +" + (thread.getValue() - earlier) / 1_000_000 + " ms");
            }
        }
        return busy;
    }

    @Test
    void binaryAndManyLineChangesAreWholeFileChangesInAPatchThatGitApplies() throws Exception {
        Map<String, byte[]> seed = new LinkedHashMap<>();
        seed.put("image.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
        seed.put("many.txt", "x\n".repeat(25_000).getBytes(StandardCharsets.UTF_8));
        seed.put("notes.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\n".getBytes(StandardCharsets.UTF_8));
        String manyAfter = "x\n".repeat(25_000) + "one more line\n";
        String script = "[{\"toolCalls\":["
                + write("image.bin", "now it is text\\n") + ","
                + write("many.txt", manyAfter.replace("\n", "\\n")) + ","
                + write("notes.txt", "one\\ntwo\\nthree\\nFOUR\\nfive\\nsix\\nseven\\n") + ","
                + write("added.txt", "a new file\\n") + "],\"final\":\"ok\"}]";
        String id = start(archiveTask(Runs.archive(seed, List.of()), "[\"workspace.write\"]", script, 60))
                .getString("id");
        assertEquals("succeeded", awaitEnd(id).getString("outcome"));

        Map<String, Boolean> wholeFile = artifactJson(id, "files/changed-files.json").getJsonArray("files").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.getString("path"), f -> f.getBoolean("binary")));
        assertEquals(Map.of("image.bin", true, "many.txt", true, "notes.txt", false, "added.txt", false), wholeFile);
        String patch = artifact(id, "files/patch.diff");
        assertTrue(patch.contains("diff --git a/image.bin b/image.bin\nindex "), patch);
        assertTrue(patch.contains("GIT binary patch\nliteral " + manyAfter.length() + "\n"), patch);
        assertTrue(patch.contains("-four\n+FOUR\n"), patch);
        assertValid(id);

        Path applied = applied(seed, patch);
        assertEquals("now it is text\n", Files.readString(applied.resolve("image.bin")));
        assertEquals(manyAfter, Files.readString(applied.resolve("many.txt")));
        assertEquals("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\n", Files.readString(applied.resolve("notes.txt")));
        assertEquals("a new file\n", Files.readString(applied.resolve("added.txt")));
    }

    @Test
    void aCollectionOverItsByteBudgetEndsTimedOutKeepingTheChangesDoneSoFar() throws Exception {
        Map<String, byte[]> seed = new LinkedHashMap<>();
        seed.put("a.txt", "first\n".getBytes(StandardCharsets.UTF_8));
        // 300 KB of new file: past the suite's 256 KiB patch budget (AGENTRY_RUNS_COLLECT_MAX_BYTES in ear/pom.xml).
        String large = ("z".repeat(63) + "\\n").repeat(4_800);
        String script = "[{\"toolCalls\":[" + write("a.txt", "first, edited\\n") + "," + write("z.txt", large)
                + "],\"final\":\"ok\"}]";
        String id = start(archiveTask(Runs.archive(seed, List.of()), "[\"workspace.write\"]", script, 60))
                .getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("timed_out", run.getString("status"), run.toString());
        assertEquals("timeout", run.getString("outcome"));
        assertEquals("collect_budget", run.getString("stopReason"));
        assertEquals("collect", run.getJsonObject("failureEvidence").getString("phase"));

        JsonObject changed = artifactJson(id, "files/changed-files.json");
        assertFalse(changed.getBoolean("complete"), changed.toString());
        assertEquals(1, changed.getInt("count"), "the file done before the budget ran out: " + changed);
        assertEquals("a.txt", changed.getJsonArray("files").getJsonObject(0).getString("path"));
        assertEquals(
                "timeout", artifactJson(id, "files/completion-outcome.json").getString("status"));
        assertValid(id);
        Path applied = applied(seed, artifact(id, "files/patch.diff"));
        assertEquals("first, edited\n", Files.readString(applied.resolve("a.txt")));
        assertFalse(Files.exists(applied.resolve("z.txt")));
    }

    @Test
    void aDeeplyNestedOrHugeManifestIsAMalformedManifestViolationNotAnError() throws Exception {
        String id = start(Runs.task(
                        "demo",
                        "[\"workspace.write\"]",
                        "[]",
                        "[{\"toolCalls\":[" + write("greeting.txt", "Hello, bounded\\n") + "],\"final\":\"ok\"}]"))
                .getString("id");
        assertEquals("succeeded", awaitEnd(id).getString("status"));
        Map<String, byte[]> bundle = Runs.entries(Runs.zip(id));
        long logBefore = Files.size(serverLog());

        Map<String, byte[]> deep = new LinkedHashMap<>(bundle);
        deep.put(
                "manifest.json",
                ("{\"files\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}").getBytes(StandardCharsets.UTF_8));
        assertMalformedManifest(Runs.archive(deep, List.of()));

        StringBuilder entries = new StringBuilder("{\"schema\":\"agentry/artifact-manifest/v1\",\"files\":[");
        for (int i = 0; i < 60_000; i++) {
            entries.append(i == 0 ? "" : ",")
                    .append("{\"path\":\"files/f")
                    .append(i)
                    .append(".txt\",\"kind\":\"log\",\"size\":1,\"sha256\":\"")
                    .append("0".repeat(64))
                    .append("\"}");
        }
        Map<String, byte[]> many = new LinkedHashMap<>(bundle);
        many.put("manifest.json", entries.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        assertMalformedManifest(Runs.archive(many, List.of()));

        String logged = Files.readString(serverLog()).substring((int) logBefore);
        assertFalse(logged.contains("\tat "), "no stack trace in the server log: " + logged);
        assertTrue(json(Api.get("api/v1/runs/" + id + "/artifacts/verify", runner()))
                .getBoolean("valid"));
    }

    private static void assertMalformedManifest(byte[] zip) {
        long started = System.nanoTime();
        HttpResponse<String> response = Runs.uploadForVerification(zip);
        assertEquals(200, response.statusCode(), response.body());
        Api.assertNoStackTrace(response.body());
        JsonObject verification = json(response);
        assertFalse(verification.getBoolean("valid"), verification.toString());
        assertEquals(
                "malformed_manifest",
                verification.getJsonArray("violations").getJsonObject(0).getString("code"),
                verification.toString());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10,
                "refused without reading the manifest whole");
    }

    private static String archiveTask(byte[] archive, String tools, String script, int timeoutSeconds) {
        return "{\"goal\":\"bounded work\",\"agent\":\"demo\",\"workspace\":{\"archive\":\""
                + Base64.getEncoder().encodeToString(archive) + "\"},\"allowedTools\":" + tools + ",\"script\":"
                + script + ",\"timeoutSeconds\":" + timeoutSeconds + "}";
    }

    private static String write(String path, String content) {
        return "{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"" + path + "\",\"content\":\"" + content
                + "\"}}";
    }

    private static void assertValid(String id) {
        JsonObject verification = json(Api.get("api/v1/runs/" + id + "/artifacts/verify", runner()));
        assertTrue(verification.getBoolean("valid"), verification.toString());
    }

    /** The seed written to a fresh directory with the run's patch applied by git. */
    private static Path applied(Map<String, byte[]> seed, String patch) throws Exception {
        Path copy = Files.createTempDirectory("agentry-bounded-");
        for (Map.Entry<String, byte[]> file : seed.entrySet()) {
            Files.write(copy.resolve(file.getKey()), file.getValue());
        }
        Git.apply(copy, patch);
        // The workspace is the copy now; byte for byte where the patch touched nothing.
        for (Map.Entry<String, byte[]> file : seed.entrySet()) {
            if (!patch.contains("a/" + file.getKey() + " ")) {
                assertArrayEquals(file.getValue(), Files.readAllBytes(copy.resolve(file.getKey())));
            }
        }
        return copy;
    }

    /** Every live thread's CPU time in the server, by thread id, read in one composite operation. */
    private static Map<Long, Long> threadCpuNanos() {
        ModelNode enable = Management.operation("write-attribute", THREADING);
        enable.get("name").set("thread-cpu-time-enabled");
        enable.get("value").set(true);
        Management.execute(enable);
        ModelNode read = Management.operation("read-attribute", THREADING);
        read.get("name").set("all-thread-ids");
        List<Long> ids = Management.execute(read).asList().stream()
                .map(ModelNode::asLong)
                .toList();
        ModelNode composite = Management.operation("composite");
        ModelNode steps = composite.get("steps").setEmptyList();
        for (long id : ids) {
            ModelNode step = Management.operation("get-thread-cpu-time", THREADING);
            step.get("id").set(id);
            steps.add(step);
        }
        ModelNode results = Management.execute(composite);
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            ModelNode step = results.get("step-" + (i + 1));
            if (step.hasDefined("result")) {
                cpu.put(ids.get(i), step.get("result").asLong());
            }
        }
        assertTrue(cpu.size() > 10, "the server's threads: " + cpu.size());
        return cpu;
    }

    private static String threadName(long id) {
        ModelNode info = Management.operation("get-thread-info", THREADING);
        info.get("id").set(id);
        info.get("max-depth").set(8);
        return Management.execute(info).toString();
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("it.server-dir"), "log", "server.log");
    }
}
