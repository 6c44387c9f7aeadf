package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.strings;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.artifact;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.awaitStatus;
import static dev.agentry.it.harness.Runs.copyOfSeed;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static dev.agentry.it.harness.Runs.submit;
import static dev.agentry.it.harness.Runs.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Git;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agent task runs end to end (SPEC section 9): the agent-task-run job on the deployed server, the
 * scripted provider, the workspace tools, operator verify steps as real processes, and the sealed
 * bundle read back and verified through the API.
 */
@ExtendWith(ArquillianExtension.class)
class RunsIT {

    static final String CANARY = "canary-7d1f3c9a-agentry-secret";
    static final String WORKSPACE_TOOLS =
            "[\"workspace.list\",\"workspace.read\",\"workspace.write\",\"workspace.search\",\"workspace.delete\",\"verify.run\"]";

    @Test
    void aScriptedRunLeavesABundleThatVerifiesAndWhosePatchApplies() throws Exception {
        String script = """
                [{"text":"Reading first.","toolCalls":[
                   {"tool":"workspace.read","arguments":{"path":"src/app.txt"}},
                   {"tool":"workspace.search","arguments":{"query":"broken"}}]},
                 {"toolCalls":[
                   {"tool":"workspace.write","arguments":{"path":"src/app.txt","content":"line one\\nline two\\nfixed\\nline four\\n"}},
                   {"tool":"workspace.write","arguments":{"path":"added/new.txt","content":"a new file\\n"}},
                   {"tool":"workspace.delete","arguments":{"path":"docs/remove-me.txt"}},
                   {"tool":"workspace.write","arguments":{"path":"noeol.txt","content":"no newline at the end, changed"}}]},
                 {"toolCalls":[{"tool":"verify.run","arguments":{"step":"app-fixed"}}],
                  "final":"Fixed src/app.txt, added a file, removed an obsolete one."}]""";
        HttpResponse<String> accepted = submit(
                task("demo", WORKSPACE_TOOLS, "[\"check-greeting\",\"app-fixed\"]", script),
                UUID.randomUUID().toString(),
                runner());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject queued = json(accepted);
        String id = queued.getString("id");
        assertEquals("agentry/agent-task-run/v1", queued.getString("schema"));
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/runs/" + id));
        assertTrue(queued.getJsonObject("links").getString("verify").endsWith("/runs/" + id + "/artifacts/verify"));

        JsonObject run = awaitEnd(id);
        assertEquals("succeeded", run.getString("status"), run.toString());
        assertEquals("succeeded", run.getString("outcome"));
        assertEquals("final_result", run.getString("stopReason"));
        String bundleId = run.getString("bundleId");
        assertTrue(bundleId.matches("sha256:[0-9a-f]{64}"), bundleId);
        assertEquals(
                List.of(
                        "verify.run",
                        "workspace.delete",
                        "workspace.list",
                        "workspace.read",
                        "workspace.search",
                        "workspace.write"),
                strings(run, "effectiveTools"));
        for (String phase : List.of("prepareMs", "loopMs", "collectMs", "sealMs")) {
            assertTrue(run.getJsonObject("timings").containsKey(phase), phase + " in " + run.getJsonObject("timings"));
        }
        JsonObject cleanup = Runs.awaitCleanup(id);
        assertTrue(cleanup.getBoolean("removed"), cleanup.toString());

        JsonObject verification = json(Api.get("api/v1/runs/" + id + "/artifacts/verify", runner()));
        assertTrue(verification.getBoolean("valid"), verification.toString());
        assertEquals(bundleId, verification.getString("bundleId"));

        JsonObject manifest = json(Api.get("api/v1/runs/" + id + "/artifacts", runner()));
        Set<String> paths = manifest.getJsonArray("files").stream()
                .map(f -> f.asJsonObject().getString("path"))
                .collect(Collectors.toSet());
        for (String required : List.of(
                "metadata.json",
                "events.jsonl",
                "commands.jsonl",
                "logs/commands.log",
                "files/changed-files.json",
                "files/patch.diff",
                "files/test-results.json",
                "files/agent-result.json",
                "files/completion-outcome.json",
                "files/transcript.json",
                "files/runtime-evidence/tool-calls/transcript.json")) {
            assertTrue(paths.contains(required), required + " in " + paths);
        }

        JsonObject changed = artifactJson(id, "files/changed-files.json");
        Map<String, String> changes = changed.getJsonArray("files").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.getString("path"), f -> f.getString("change")));
        assertEquals(
                Map.of(
                        "src/app.txt", "modified",
                        "added/new.txt", "added",
                        "docs/remove-me.txt", "deleted",
                        "noeol.txt", "modified"),
                changes);
        assertEquals("passed", artifactJson(id, "files/test-results.json").getString("status"));

        // The patch applies to a fresh copy of the seed and gives exactly the run's workspace.
        Path copy = copyOfSeed();
        Git.apply(copy, artifact(id, "files/patch.diff"));
        assertEquals("line one\nline two\nfixed\nline four\n", Files.readString(copy.resolve("src/app.txt")));
        assertEquals("a new file\n", Files.readString(copy.resolve("added/new.txt")));
        assertFalse(Files.exists(copy.resolve("docs/remove-me.txt")));
        assertEquals("no newline at the end, changed", Files.readString(copy.resolve("noeol.txt")));

        // Every tool call is recorded with the SHA-256 of its (redacted) arguments and result.
        JsonObject calls = artifactJson(id, "files/runtime-evidence/tool-calls/transcript.json");
        assertEquals(7, calls.getJsonArray("tool_calls").size());
        for (JsonValue value : calls.getJsonArray("tool_calls")) {
            JsonObject call = value.asJsonObject();
            assertEquals("ok", call.getString("status"), call.toString());
            assertEquals(sha256(call.getJsonObject("input").toString()), call.getString("input_sha256"));
            assertEquals(sha256(call.getJsonObject("output").toString()), call.getString("output_sha256"));
        }
        JsonObject transcript = artifactJson(id, "files/transcript.json");
        assertEquals(
                "final_result",
                transcript
                        .getJsonArray("messages")
                        .getJsonObject(transcript.getJsonArray("messages").size() - 1)
                        .getString("type"));
    }

    @Test
    void aTamperedBundleFailsVerificationWithTheCodeForWhatWasDone() throws Exception {
        String id = start(
                        task(
                                "demo",
                                WORKSPACE_TOOLS,
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"greeting.txt\",\"content\":\"Hello again\\n\"}}],\"final\":\"ok\"}]"))
                .getString("id");
        assertEquals("succeeded", awaitEnd(id).getString("status"));
        Map<String, byte[]> original = Runs.entries(Runs.zip(id));
        assertTrue(
                verifyUpload(Runs.archive(original, List.of())).getBoolean("valid"), "the untouched bundle verifies");

        Map<String, byte[]> flipped = new java.util.LinkedHashMap<>(original);
        byte[] patch = flipped.get("files/patch.diff").clone();
        patch[patch.length / 2] ^= 1;
        flipped.put("files/patch.diff", patch);
        assertViolations(verifyUpload(Runs.archive(flipped, List.of())), "hash_mismatch", "bundle_id_mismatch");

        Map<String, byte[]> removed = new java.util.LinkedHashMap<>(original);
        removed.remove("files/transcript.json");
        assertViolations(verifyUpload(Runs.archive(removed, List.of())), "missing_file");

        Map<String, byte[]> extra = new java.util.LinkedHashMap<>(original);
        extra.put("files/extra.txt", "not in the manifest".getBytes(StandardCharsets.UTF_8));
        assertViolations(verifyUpload(Runs.archive(extra, List.of())), "orphaned_file");

        assertViolations(verifyUpload(Runs.archive(original, List.of("files/link"))), "unsafe_file");

        Map<String, byte[]> escaping = new java.util.LinkedHashMap<>(original);
        escaping.put("../outside.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertViolations(verifyUpload(Runs.archive(escaping, List.of())), "invalid_path");

        Map<String, byte[]> noManifest = new java.util.LinkedHashMap<>(original);
        noManifest.remove("manifest.json");
        assertViolations(verifyUpload(Runs.archive(noManifest, List.of())), "missing_manifest");

        HttpResponse<String> notZip = Api.send(
                "POST",
                "api/v1/artifacts/verify",
                BodyPublishers.ofString("not a zip"),
                Api.with(runner(), "Content-Type", "application/zip"));
        assertProblem(notZip, 400, "validation_failed");
        HttpResponse<String> wrongType = Api.send(
                "POST",
                "api/v1/artifacts/verify",
                BodyPublishers.ofString("{}"),
                Api.with(runner(), "Content-Type", "application/json"));
        assertProblem(wrongType, 415, "unsupported_media_type");
    }

    @Test
    void aRunThatChangesNothingIsANoOpAndAFailedStepIsAFailureWithEvidence() {
        String noOp = start(task("demo", WORKSPACE_TOOLS, "[\"check-greeting\"]", "[{\"final\":\"Nothing to do.\"}]"))
                .getString("id");
        String failing = start(task("demo", WORKSPACE_TOOLS, "[\"fail\"]", "[{\"final\":\"Done, I think.\"}]"))
                .getString("id");

        JsonObject quiet = awaitEnd(noOp);
        assertEquals("succeeded", quiet.getString("status"));
        assertEquals("no_op", quiet.getString("outcome"));
        assertEquals("", artifact(noOp, "files/patch.diff"));
        assertEquals(0, artifactJson(noOp, "files/changed-files.json").getInt("count"));
        assertEquals(
                "no_op", artifactJson(noOp, "files/completion-outcome.json").getString("status"));

        JsonObject failed = awaitEnd(failing);
        assertEquals("failed", failed.getString("status"));
        assertEquals("failed", failed.getString("outcome"));
        assertEquals("verify_failed", failed.getString("stopReason"));
        JsonObject evidence = failed.getJsonObject("failureEvidence");
        assertEquals("verify", evidence.getString("phase"));
        assertEquals(3, evidence.getInt("exitCode"));
        assertTrue(evidence.getString("stdout").contains("failing-output"), evidence.toString());
        assertTrue(evidence.getString("stderr").contains("oops"), evidence.toString());
        assertEquals("failed", artifactJson(failing, "files/test-results.json").getString("status"));
        assertValid(failing);
    }

    @Test
    void cancelStopsTheRunAndKeepsWhatItDidSoFar() throws Exception {
        String id = start(
                        task(
                                "demo",
                                WORKSPACE_TOOLS,
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"partial.txt\",\"content\":\"done before the cancel\\n\"}}]},"
                                        + "{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"slow\"}}]},{\"final\":\"never reached\"}]"))
                .getString("id");
        awaitStatus(id, "running");
        // The first turn's write takes milliseconds; the second turn's step sleeps 30 s: cancel after the write.
        Instant since = Instant.now().minusSeconds(60);
        Eventually.await(
                "the first turn's write",
                Duration.ofSeconds(30),
                () -> json(Api.get("api/v1/audit?action=run.tool_call&limit=500&since=" + since, Api.asBootstrap()))
                        .getJsonArray("data")
                        .getValuesAs(JsonObject.class),
                calls -> calls.stream()
                        .anyMatch(c -> c.getString("target").startsWith(id + " ")
                                && c.getString("target").contains("workspace.write")));
        JsonObject first = json(postJson("api/v1/runs/" + id + "/cancel", "", runner()));
        JsonObject again = json(postJson("api/v1/runs/" + id + "/cancel", "", runner()));
        assertTrue(first.getBoolean("cancelRequested"));
        assertEquals(id, again.getString("id"));

        long asked = System.nanoTime();
        JsonObject run = awaitEnd(id);
        assertTrue(Duration.ofNanos(System.nanoTime() - asked).toSeconds() < 15, "cancel stopped the 30 s step");
        assertEquals("cancelled", run.getString("status"), run.toString());
        assertEquals("cancelled", run.getString("outcome"));
        assertValid(id);
        assertTrue(artifact(id, "files/patch.diff").contains("+done before the cancel"));
        assertTrue(artifact(id, "commands.jsonl").contains("\"status\":\"cancelled\""));
        JsonObject after = json(postJson("api/v1/runs/" + id + "/cancel", "", runner()));
        assertEquals("cancelled", after.getString("status"), "cancelling an ended run changes nothing");
    }

    @Test
    void aRunPastItsTimeoutEndsTimedOutWithItsPartialArtifacts() {
        String id = start(task(
                        "demo",
                        WORKSPACE_TOOLS,
                        "[]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"partial.txt\",\"content\":\"before the timeout\\n\"}}]},"
                                + "{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"slow\"}}]},{\"final\":\"never reached\"}]",
                        "\"timeoutSeconds\":3"))
                .getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("timed_out", run.getString("status"), run.toString());
        assertEquals("timeout", run.getString("outcome"));
        assertValid(id);
        assertTrue(artifact(id, "files/patch.diff").contains("+before the timeout"));
        assertTrue(artifact(id, "commands.jsonl").contains("\"status\":\"timed_out\""));
    }

    @Test
    void aStepThatIgnoresSigtermAndForksAGrandchildLeavesNoProcessBehind() {
        String id = start(
                        task(
                                "demo",
                                WORKSPACE_TOOLS,
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"stubborn\"}}],\"final\":\"done\"}]"))
                .getString("id");
        awaitEnd(id);
        String stdout = artifact(id, "logs/steps/1-stubborn.stdout");
        List<Long> pids = Stream.of(stdout.split("\n"))
                .filter(line -> line.startsWith("grandchild ") || line.startsWith("child "))
                .map(line ->
                        Long.parseLong(line.substring(line.indexOf(' ') + 1).strip()))
                .toList();
        assertEquals(2, pids.size(), stdout);
        JsonObject command =
                (JsonObject) Api.structure(artifact(id, "commands.jsonl").strip());
        assertEquals("timed_out", command.getString("status"));
        assertTrue(command.getInt("durationMs") < 2000 + 5000, "stopped within 5 s of its deadline: " + command);
        // Killed processes re-parented to init stay zombies until it reaps them; a zombie runs nothing.
        Eventually.await(
                "the step's processes to be gone",
                Duration.ofSeconds(5),
                () -> pids.stream().filter(RunsIT::running).toList(),
                List::isEmpty);
    }

    @Test
    void endlessOutputIsCappedAtFourMebibytesWithAMarker() {
        String id = start(
                        task(
                                "demo",
                                WORKSPACE_TOOLS,
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"flood\"}}],\"final\":\"done\"}]"))
                .getString("id");
        awaitEnd(id);
        JsonObject command =
                (JsonObject) Api.structure(artifact(id, "commands.jsonl").strip());
        assertTrue(command.getBoolean("stdoutTruncated"), command.toString());
        assertEquals(4 * 1024 * 1024, command.getInt("stdoutBytes"));
        String log = artifact(id, "logs/steps/1-flood.stdout");
        assertTrue(log.endsWith("[agentry: output truncated at the per-stream cap]\n"), "marker at the end");
        assertTrue(log.length() < 4 * 1024 * 1024 + 100, "capped: " + log.length());
    }

    @Test
    void aCanarySecretAppearsInNoArtifactLogEventOrError() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
        String id = start(task(
                        "demo",
                        WORKSPACE_TOOLS,
                        "[\"leak-secret\",\"env\"]",
                        "[{\"toolCalls\":[{\"tool\":\"verify.run\",\"arguments\":{\"step\":\"leak-secret\"}},"
                                + "{\"tool\":\"workspace.write\",\"arguments\":{\"path\":\"leak.txt\",\"content\":\""
                                + CANARY + "\"}}],"
                                + "\"final\":\"I saw " + CANARY + "\"}]",
                        "\"secretEnv\":[\"AGENTRY_IT_CANARY\"]"))
                .getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("succeeded", run.getString("status"), run.toString());

        Map<String, byte[]> bundle = Runs.entries(Runs.zip(id));
        assertTrue(bundle.size() > 10);
        for (Map.Entry<String, byte[]> file : bundle.entrySet()) {
            String text = Runs.text(file.getValue());
            assertFalse(text.contains(CANARY), file.getKey() + " holds the secret");
            assertFalse(
                    text.contains(base64) || text.contains(base64.replace("=", "")),
                    file.getKey() + " holds it in Base64");
        }
        String leaked = artifact(id, "logs/steps/1-leak-secret.stdout");
        assertTrue(leaked.contains("plain [REDACTED]"), leaked);
        String env = artifact(id, "logs/steps/3-env.stdout");
        assertTrue(
                env.contains("AGENTRY_IT_CANARY=[REDACTED]"), "the named secret reaches the step, redacted in its log");
        assertTrue(env.contains("PATH="), env);
        assertFalse(env.contains("JAVA_HOME=") || env.contains("JBOSS_HOME="), "the environment is scrubbed: " + env);

        assertFalse(Api.get("api/v1/runs/" + id, runner()).body().contains(CANARY), "run view");
        assertFalse(Api.get("api/v1/runs?limit=100", runner()).body().contains(CANARY), "run list");
        assertFalse(Api.get("api/v1/audit?limit=500", Api.asBootstrap()).body().contains(CANARY), "audit");
        HttpResponse<String> refused = submit(
                "{\"goal\":\"" + CANARY + "\",\"agent\":\"" + CANARY + "\",\"workspace\":{\"seed\":\"" + CANARY
                        + "\"}}",
                UUID.randomUUID().toString(),
                runner());
        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains(CANARY), "error");
        Path log = Path.of(System.getProperty("it.server-dir"), "log", "server.log");
        if (Files.exists(log)) {
            assertFalse(Files.readString(log).contains(CANARY), "server log");
        }
        try (Stream<Path> events = Files.walk(Path.of(System.getProperty("it.data-dir")))) {
            // The webhook outbox and audit live in the database files; a plain scan of them proves nothing
            // is stored in the clear anywhere under the data directory.
            for (Path file : events.filter(Files::isRegularFile).toList()) {
                assertFalse(
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(CANARY),
                        file + " holds the secret");
            }
        }
    }

    @Test
    void secretEnvNamesOnlyWhatTheOperatorListedAndTheAnswerIsNoOracle() {
        // AGENTRY_ADMIN_PASSWORD and HOME exist in the server's environment, NOT_SET_ANYWHERE_42 does not;
        // HOME and PATH are listed in agentry.runs.secret-env (arquillian.xml) yet are never secrets, and
        // AGENTRY_IT_LISTED_UNSET is listed but not set. Every one gets the same refusal.
        List<String> names = List.of(
                "AGENTRY_ADMIN_PASSWORD", "HOME", "PATH", "LANG", "NOT_SET_ANYWHERE_42", "AGENTRY_IT_LISTED_UNSET");
        HttpResponse<String> refused = submit(
                task(
                        "demo",
                        "[]",
                        "[]",
                        "[{\"final\":\"x\"}]",
                        "\"secretEnv\":["
                                + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",")) + "]"),
                UUID.randomUUID().toString(),
                runner());
        JsonObject problem = assertProblem(refused, 400, "validation_failed");
        assertEquals(names.size(), problem.getJsonArray("errors").size(), problem.toString());
        Set<String> answers = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("code") + " "
                        + e.asJsonObject().getString("message"))
                .collect(Collectors.toSet());
        assertEquals(1, answers.size(), "one answer whether or not the server has the variable: " + answers);
        assertFalse(refused.body().contains("it-Admin-Password-42"), refused.body());

        // A listed secret reaches the step; HOME stays the workspace.
        String id = start(
                        task("demo", "[]", "[\"env\"]", "[{\"final\":\"x\"}]", "\"secretEnv\":[\"AGENTRY_IT_CANARY\"]"))
                .getString("id");
        assertEquals("succeeded", awaitEnd(id).getString("status"));
        String env = artifact(id, "logs/steps/1-env.stdout");
        assertTrue(env.contains("AGENTRY_IT_CANARY=[REDACTED]"), env);
        assertTrue(
                env.lines().anyMatch(line -> line.startsWith("HOME=") && line.endsWith("/" + id + "/workspace")), env);
    }

    @Test
    void aLoneSurrogateInAToolArgumentIsAToolErrorTheAgentSeesNotAFailedRun() {
        String script = """
                [{"toolCalls":[{"tool":"workspace.write","arguments":{"path":"src/app.txt","content":"bad \\ud800 text"}},
                               {"tool":"workspace.read","arguments":{"path":"src/\\udc00.txt"}}]},
                 {"toolCalls":[{"tool":"workspace.write","arguments":{"path":"src/app.txt","content":"fixed\\n"}}],
                  "final":"Fixed after the tool said no."}]""";
        String id =
                start(task("demo", WORKSPACE_TOOLS, "[\"app-fixed\"]", script)).getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("succeeded", run.getString("status"), run.toString());
        List<JsonObject> calls = artifactJson(id, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of("error", "error", "ok"),
                calls.stream().map(c -> c.getString("status")).toList());
        assertEquals(
                "invalid_arguments",
                calls.get(0).getJsonObject("output").getJsonObject("error").getString("code"));
        assertTrue(artifact(id, "files/transcript.json").contains("invalid_arguments"), "the agent saw the error");
        assertValid(id);
        for (String text : List.of(
                Api.get("api/v1/runs/" + id, runner()).body(),
                artifact(id, "events.jsonl"),
                artifact(id, "logs/runtime.log"),
                artifact(id, "files/transcript.json"))) {
            Api.assertNoStackTrace(text);
            assertFalse(text.contains("java."), text);
        }
    }

    @Test
    void everyFileToolRefusesPathsThatLeaveTheWorkspace() {
        String script = """
                [{"toolCalls":[
                   {"tool":"workspace.read","arguments":{"path":"../../../../etc/passwd"}},
                   {"tool":"workspace.read","arguments":{"path":"/etc/passwd"}},
                   {"tool":"workspace.write","arguments":{"path":"../escaped.txt","content":"x"}},
                   {"tool":"workspace.write","arguments":{"path":"/tmp/escaped.txt","content":"x"}},
                   {"tool":"workspace.list","arguments":{"path":".."}},
                   {"tool":"workspace.search","arguments":{"query":"root","path":"src/../../.."}},
                   {"tool":"workspace.delete","arguments":{"path":"docs/../../greeting.txt"}},
                   {"tool":"verify.run","arguments":{"step":"plant-link"}}]},
                 {"toolCalls":[
                   {"tool":"workspace.read","arguments":{"path":"escape"}},
                   {"tool":"workspace.write","arguments":{"path":"escape","content":"x"}},
                   {"tool":"workspace.list","arguments":{"path":"escape"}},
                   {"tool":"workspace.search","arguments":{"query":"root","path":"escape"}},
                   {"tool":"workspace.delete","arguments":{"path":"escape"}}],
                  "final":"tried"}]""";
        String id = start(task("demo", WORKSPACE_TOOLS, "[]", script)).getString("id");
        awaitEnd(id);
        List<JsonObject> calls = artifactJson(id, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        List<String> codes = new ArrayList<>();
        for (JsonObject call : calls) {
            if (!call.getString("tool_name").equals("verify.run")) {
                assertEquals("error", call.getString("status"), call.toString());
                codes.add(call.getJsonObject("output").getJsonObject("error").getString("code"));
            }
        }
        assertEquals(
                List.of(
                        "path_traversal",
                        "absolute_path",
                        "path_traversal",
                        "absolute_path",
                        "path_traversal",
                        "path_traversal",
                        "path_traversal",
                        "symlink_refused",
                        "symlink_refused",
                        "symlink_refused",
                        "symlink_refused",
                        "symlink_refused"),
                codes);
        String everything = Runs.text(Runs.zip(id));
        assertFalse(everything.contains("root:x:0:0"), "nothing outside the workspace was read");
        assertTrue(
                artifactJson(id, "files/changed-files.json")
                        .getJsonArray("skipped")
                        .toString()
                        .contains("escape"),
                "the planted link is reported, not followed");
    }

    @Test
    void toolsAreDeniedUnlessTheTaskTheAgentAndTheScopesAllAllowThem() {
        String nothingAllowed = start(
                        task(
                                "demo",
                                "[]",
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"workspace.read\",\"arguments\":{\"path\":\"greeting.txt\"}}],\"final\":\"done\"}]"))
                .getString("id");
        JsonObject run = awaitEnd(nothingAllowed);
        assertEquals(List.of(), strings(run, "effectiveTools"));
        JsonObject call = artifactJson(nothingAllowed, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getJsonObject(0);
        assertEquals("denied", call.getString("status"));

        // The reviewer agent (a file) denies workspace.delete; a caller without a catalog scope gets no catalog.read.
        JsonObject credential = createCredential(
                "{\"name\":\"runner\",\"owner\":\"it\",\"scopes\":[\"runs:write\",\"runs:read\",\"artifacts:read\"]}");
        String[] runner = bearer(tokenFor(credential));
        HttpResponse<String> accepted = submit(
                task(
                        "reviewer",
                        "[\"workspace.read\",\"workspace.delete\",\"catalog.read\"]",
                        "[]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.delete\",\"arguments\":{\"path\":\"greeting.txt\"}},"
                                + "{\"tool\":\"catalog.read\",\"arguments\":{\"collection\":\"entries\"}}],\"final\":\"done\"}]"),
                UUID.randomUUID().toString(),
                runner);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = json(accepted).getString("id");
        JsonObject reviewed = awaitEnd(id, runner);
        assertEquals(List.of("workspace.read"), strings(reviewed, "effectiveTools"));
        assertEquals(List.of("runs:write"), strings(reviewed, "effectiveScopes"), "ceiling ∩ the caller's scopes");
        List<String> statuses = json(Api.get(
                        "api/v1/runs/" + id + "/artifacts/files/runtime-evidence/tool-calls/transcript.json", runner))
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(c -> c.getString("status"))
                .toList();
        assertEquals(List.of("denied", "denied"), statuses);
        assertEquals("no_op", reviewed.getString("outcome"), "the denied delete changed nothing");

        // With the scope, catalog.read reads through the same scopes as the API.
        String reader = start(
                        task(
                                "reviewer",
                                "[\"catalog.read\"]",
                                "[]",
                                "[{\"toolCalls\":[{\"tool\":\"catalog.read\",\"arguments\":{\"collection\":\"entries\",\"limit\":2}},"
                                        + "{\"tool\":\"catalog.read\",\"arguments\":{\"collection\":\"users\"}}],\"final\":\"done\"}]"))
                .getString("id");
        awaitEnd(reader);
        List<JsonObject> reads = artifactJson(reader, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        assertEquals("ok", reads.get(0).getString("status"), reads.get(0).toString());
        assertEquals(
                2, reads.get(0).getJsonObject("output").getJsonArray("data").size());
        assertEquals(
                "scope_denied",
                reads.get(1).getJsonObject("output").getJsonObject("error").getString("code"));
    }

    @Test
    void atMostMaxConcurrentRunsAreActiveAndTheRestWaitQueued() {
        // The suite's server allows four at once (agentry.runs.max-concurrent=4); each of these waits 2 s.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(start(task("demo", "[]", "[]", "[{\"delayMs\":2000,\"final\":\"waited " + i + "\"}]"))
                    .getString("id"));
        }
        AtomicInteger mostActive = new AtomicInteger();
        AtomicBoolean sawQueued = new AtomicBoolean();
        Eventually.await(
                "all six runs succeeded",
                Duration.ofSeconds(60),
                () -> {
                    // One listing a poll: the six are the newest runs.
                    Map<String, String> statuses = json(Api.get("api/v1/runs?limit=20", runner()))
                            .getJsonArray("data")
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .filter(run -> ids.contains(run.getString("id")))
                            .collect(Collectors.toMap(run -> run.getString("id"), run -> run.getString("status")));
                    mostActive.accumulateAndGet(
                            (int) statuses.values().stream()
                                    .filter(st -> Set.of("booting", "running", "collecting_artifacts")
                                            .contains(st))
                                    .count(),
                            Math::max);
                    if (statuses.containsValue("queued")
                            && statuses.values().stream()
                                            .filter("running"::equals)
                                            .count()
                                    == 4) {
                        sawQueued.set(true);
                    }
                    return statuses;
                },
                statuses -> statuses.size() == ids.size()
                        && statuses.values().stream().allMatch("succeeded"::equals));
        assertTrue(mostActive.get() <= 4, "at most four active, saw " + mostActive);
        assertTrue(sawQueued.get(), "runs past the limit waited queued while four ran");
        ids.forEach(id -> assertEquals("no_op", Runs.get(id).getString("outcome")));
    }

    @Test
    void theEnvelopesAndToolArgumentsHaveSchemas() {
        for (String id : List.of(
                "task-input",
                "agent-task-run",
                "message",
                "agent",
                "artifact-manifest",
                "artifact-verification",
                "tool.workspace.write",
                "tool.catalog.read",
                "webhook.event.run.succeeded")) {
            HttpResponse<String> schema = Api.get("api/v1/schema/" + id, runner());
            assertEquals(200, schema.statusCode(), id);
            assertEquals(id, json(schema).getString("$id"));
        }
    }

    @Test
    void aSubmissionIsIdempotentByKey() {
        String key = UUID.randomUUID().toString();
        String body = task("demo", "[]", "[]", "[{\"final\":\"idempotent\"}]");
        HttpResponse<String> first = submit(body, key, runner());
        HttpResponse<String> replay = submit(body, key, runner());
        assertEquals(202, first.statusCode());
        assertEquals(202, replay.statusCode());
        assertEquals(json(first).getString("id"), json(replay).getString("id"));
        assertEquals("false", first.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElseThrow());

        HttpResponse<String> conflict = submit(body.replace("idempotent", "different"), key, runner());
        assertProblem(conflict, 409, "idempotency_conflict");

        HttpResponse<String> other = submit(
                body,
                key,
                bearer(tokenFor(createCredential(
                        "{\"name\":\"other\",\"owner\":\"it\",\"scopes\":[\"runs:write\",\"runs:read\"]}"))));
        assertEquals(202, other.statusCode(), "keys are per credential");
        assertNotEquals(json(first).getString("id"), json(other).getString("id"));

        HttpResponse<String> noKey = postJson("api/v1/runs", body, runner());
        JsonObject problem = assertProblem(noKey, 400, "validation_failed");
        assertEquals(
                "Idempotency-Key",
                problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aRunWhoseHeartbeatStoppedIsTimedOutAndCleanedByTheWatchdog() {
        // Owned by the run credential, which reads it: a run is its owner's (OwnershipMatrixIT).
        String owner = json(Api.get("api/v1/auth/whoami", runner())).getString("credentialId");
        String id = Api.send("POST", "api/v1/_probe/runs/orphan", BodyPublishers.ofString(owner))
                .body()
                .strip();
        JsonObject run = awaitEnd(id);
        assertEquals("timed_out", run.getString("status"));
        assertEquals("timeout", run.getString("outcome"));
        assertEquals("watchdog", run.getString("stopReason"));
        assertEquals("watchdog", run.getJsonObject("failureEvidence").getString("phase"));
        JsonObject cleanup = Runs.awaitCleanup(id);
        assertTrue(cleanup.getBoolean("removed"), cleanup.toString());
        assertEquals(
                "false",
                Api.send("POST", "api/v1/_probe/runs/workspace-exists", BodyPublishers.ofString(id))
                        .body());
    }

    @Test
    void anUploadedArchiveSeedsTheWorkspaceAndAHostileOneIsRefused() throws Exception {
        String archive = Base64.getEncoder()
                .encodeToString(Runs.archive(
                        Map.of("README.md", "archive seed\n".getBytes(StandardCharsets.UTF_8)), List.of()));
        String id = start(
                        "{\"goal\":\"edit\",\"agent\":\"demo\",\"workspace\":{\"archive\":\"" + archive + "\"},"
                                + "\"allowedTools\":[\"workspace.write\"],\"script\":[{\"toolCalls\":[{\"tool\":\"workspace.write\","
                                + "\"arguments\":{\"path\":\"README.md\",\"content\":\"archive seed, edited\\n\"}}],\"final\":\"ok\"}]}")
                .getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("succeeded", run.getString("outcome"), run.toString());
        assertTrue(artifact(id, "files/patch.diff").contains("-archive seed\n+archive seed, edited"));
        assertFalse(run.getJsonObject("taskInput").getJsonObject("workspace").containsKey("seed"));
        assertTrue(run.getJsonObject("taskInput")
                .getJsonObject("workspace")
                .getJsonObject("archive")
                .containsKey("sha256"));

        for (Map.Entry<byte[], String> hostile : Map.of(
                        Runs.archive(Map.of("../escape.txt", new byte[] {1}), List.of()), "path_traversal",
                        Runs.archive(Map.of("/etc/evil", new byte[] {1}), List.of()), "absolute_path",
                        Runs.archive(Map.of("ok.txt", new byte[] {1}), List.of("link")), "unsafe_file")
                .entrySet()) {
            HttpResponse<String> refused = submit(
                    "{\"goal\":\"x\",\"agent\":\"demo\",\"workspace\":{\"archive\":\""
                            + Base64.getEncoder().encodeToString(hostile.getKey()) + "\"},\"script\":[]}",
                    UUID.randomUUID().toString(),
                    runner());
            JsonObject problem = assertProblem(refused, 400, "validation_failed");
            assertEquals(
                    hostile.getValue(),
                    problem.getJsonArray("errors").getJsonObject(0).getString("code"),
                    problem.toString());
        }
        byte[] bomb = Runs.archive(Map.of("zeros.bin", new byte[300 * 1024 * 1024]), List.of());
        assertTrue(bomb.length < 1024 * 1024, "a 300 MB file compresses to " + bomb.length + " bytes");
        HttpResponse<String> refused = submit(
                "{\"goal\":\"x\",\"agent\":\"demo\",\"workspace\":{\"archive\":\""
                        + Base64.getEncoder().encodeToString(bomb) + "\"},\"script\":[]}",
                UUID.randomUUID().toString(),
                runner());
        assertEquals(
                "rejected",
                assertProblem(refused, 400, "validation_failed")
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("code"));
    }

    @Test
    void badTasksAreRefusedWithEveryFieldNamed() {
        HttpResponse<String> response = submit(
                "{\"agent\":\"nobody\",\"workspace\":{\"seed\":\"elsewhere\"},\"allowedTools\":[\"shell.exec\"],"
                        + "\"verifySteps\":[\"rm-rf\"],\"secretEnv\":[\"NOT_SET_ANYWHERE_42\"],\"timeoutSeconds\":0,"
                        + "\"maxTurns\":100000,\"provider\":\"openai-compatible\",\"surprise\":1}",
                UUID.randomUUID().toString(),
                runner());
        JsonObject problem = assertProblem(response, 400, "validation_failed");
        Set<String> fields = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
        assertTrue(
                fields.containsAll(Set.of("goal", "allowedTools[0]", "timeoutSeconds", "maxTurns", "surprise")),
                fields.toString());

        HttpResponse<String> references = submit(
                "{\"goal\":\"g\",\"agent\":\"nobody\",\"workspace\":{\"seed\":\"elsewhere\"},\"verifySteps\":[\"rm-rf\"],"
                        + "\"secretEnv\":[\"NOT_SET_ANYWHERE_42\"],\"provider\":\"openai-compatible\"}",
                UUID.randomUUID().toString(),
                runner());
        Set<String> codes = Api.fieldErrors(references);
        assertEquals(
                Set.of(
                        "agent:unknown_agent",
                        "provider:unavailable",
                        "workspace.seed:unknown_seed",
                        "verifySteps[0]:unknown_step",
                        "secretEnv[0]:unknown_secret"),
                codes);

        assertProblem(submit("[1,2]", UUID.randomUUID().toString(), runner()), 400, "validation_failed");

        HttpResponse<String> nested = submit(
                "{\"goal\":\"g\",\"agent\":\"demo\",\"workspace\":{\"seed\":5},\"toolPolicy\":{\"deny\":[\"*\",1]},"
                        + "\"maxTurns\":\"20\",\"context\":[],\"script\":[]}",
                UUID.randomUUID().toString(),
                runner());
        assertEquals(
                Set.of(
                        "workspace.seed:not_a_string",
                        "toolPolicy.deny[1]:not_a_string",
                        "maxTurns:not_an_integer",
                        "context:not_an_object"),
                Api.fieldErrors(nested));
        JsonObject empty = assertProblem(submit("", UUID.randomUUID().toString(), runner()), 400, "validation_failed");
        assertEquals("body", empty.getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> both = submit(
                "{\"goal\":\"g\",\"agent\":\"demo\",\"workspace\":{\"seed\":\"demo\",\"archive\":\"!!\"},\"script\":[]}",
                UUID.randomUUID().toString(),
                runner());
        assertEquals(Set.of("workspace:one_of", "workspace.archive:invalid"), Api.fieldErrors(both));
        assertProblem(Api.get("api/v1/runs/run_nope", runner()), 404, "not_found");
        assertProblem(Api.get("api/v1/runs?status=sleeping", runner()), 400, "validation_failed");
        assertProblem(Api.get("api/v1/runs?cursor=forged", runner()), 400, "cursor_invalid");
    }

    @Test
    void runsAreListedNewestFirstByFilterWithCursors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(start(task("reviewer", "[]", "[]", "[{\"final\":\"listed " + i + "\"}]"))
                    .getString("id"));
        }
        ids.forEach(Runs::awaitEnd);
        List<String> walked =
                dev.agentry.it.harness.Pages.walk("api/v1/runs?agent=reviewer&status=succeeded&limit=2", runner())
                        .stream()
                        .map(run -> run.getString("id"))
                        .toList();
        assertTrue(walked.containsAll(ids), walked + " has " + ids);
        List<String> mine = walked.stream().filter(ids::contains).toList();
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), mine, "newest first");
        JsonObject page = json(Api.get("api/v1/runs?agent=reviewer&status=succeeded&limit=1", runner()));
        String cursor = page.getString("nextCursor");
        assertProblem(Api.get("api/v1/runs?agent=demo&limit=1&cursor=" + cursor, runner()), 400, "cursor_invalid");
    }

    private static void assertValid(String id) {
        JsonObject verification = json(Api.get("api/v1/runs/" + id + "/artifacts/verify", runner()));
        assertTrue(verification.getBoolean("valid"), verification.toString());
    }

    private static JsonObject verifyUpload(byte[] zip) {
        HttpResponse<String> response = Runs.uploadForVerification(zip);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static void assertViolations(JsonObject verification, String... codes) {
        assertFalse(verification.getBoolean("valid"), verification.toString());
        Set<String> found = verification.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("code"))
                .collect(Collectors.toSet());
        assertTrue(found.containsAll(List.of(codes)), "expected " + List.of(codes) + " in " + verification);
    }

    /** Whether a process exists and is not a zombie (state Z in /proc/<pid>/stat). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
