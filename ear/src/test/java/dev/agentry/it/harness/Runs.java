package dev.agentry.it.harness;

import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Submitting agent task runs, waiting for them to end, and reading their artifacts. */
public final class Runs {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "timed_out", "cancelled");

    private static String[] runner;

    private Runs() {}

    /**
     * A token of the suite's run credential: runs poll while they wait, and on a credential of their
     * own they never eat into another test's rate limit.
     */
    public static synchronized String[] runner() {
        if (runner == null) {
            runner = Api.bearer(Api.tokenFor(Api.createCredential("{\"name\":\"runs-" + UUID.randomUUID()
                    + "\",\"owner\":\"it\",\"scopes\":[\"runs:write\",\"runs:read\",\"artifacts:read\","
                    + "\"agents:read\",\"entries:read\",\"users:read\",\"schema:read\"]}")));
        }
        return runner;
    }

    /** Submits with a fresh idempotency key as the run credential; returns the 202's run. */
    public static JsonObject start(String taskJson) {
        HttpResponse<String> response = submit(taskJson, UUID.randomUUID().toString(), runner());
        assertEquals(202, response.statusCode(), response.body());
        return json(response);
    }

    public static HttpResponse<String> submit(String taskJson, String key, String... headers) {
        return Api.postJson("api/v1/runs", taskJson, Api.with(headers, "Idempotency-Key", key));
    }

    public static JsonObject get(String id) {
        return json(Api.get("api/v1/runs/" + id, runner()));
    }

    /** Waits for the run to reach a terminal status and returns it. */
    public static JsonObject awaitEnd(String id) {
        return awaitEnd(id, runner());
    }

    /** Waits, reading the run with these headers (its owner's token), for it to end; returns it. */
    public static JsonObject awaitEnd(String id, String... headers) {
        return Eventually.await(
                "run " + id + " to end",
                Duration.ofSeconds(60),
                () -> json(Api.get("api/v1/runs/" + id, headers)),
                run -> TERMINAL.contains(run.getString("status")));
    }

    /** The run's first cleanup attempt; cleanup comes after the run has ended, so it may take a moment. */
    public static JsonObject awaitCleanup(String id) {
        return Eventually.await(
                        "run " + id + " to be cleaned up",
                        Duration.ofSeconds(30),
                        () -> get(id),
                        run -> !run.getJsonArray("cleanup").isEmpty())
                .getJsonArray("cleanup")
                .getJsonObject(0);
    }

    public static JsonObject awaitStatus(String id, String status) {
        return Eventually.await(
                "run " + id + " to be " + status,
                Duration.ofSeconds(60),
                () -> get(id),
                run -> run.getString("status").equals(status));
    }

    /** One bundle file as text. */
    public static String artifact(String id, String path) {
        HttpResponse<String> response = Api.get("api/v1/runs/" + id + "/artifacts/" + path, runner());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    public static JsonObject artifactJson(String id, String path) {
        return (JsonObject) Api.structure(artifact(id, path));
    }

    public static byte[] zip(String id) {
        HttpResponse<byte[]> response = Api.getBytes("api/v1/runs/" + id + "/artifacts.zip", runner());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** A zip's entries by name. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A task on the test suite's {@code project} seed, with the given tools, steps and script. */
    public static String task(String agent, String tools, String verifySteps, String script, String... more) {
        StringBuilder json = new StringBuilder("{\"goal\":\"Fix src/app.txt\",\"agent\":\"")
                .append(agent)
                .append("\",\"workspace\":{\"seed\":\"project\"},\"allowedTools\":")
                .append(tools)
                .append(",\"verifySteps\":")
                .append(verifySteps)
                .append(",\"script\":")
                .append(script);
        for (String member : more) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    /** A fresh copy of the suite's {@code project} seed, in a new temporary directory. */
    public static Path copyOfSeed() throws IOException {
        return seedInto(Files.createTempDirectory("agentry-seed-"));
    }

    /** Copies the suite's {@code project} seed, the files runs start from, into {@code directory}. */
    public static Path seedInto(Path directory) throws IOException {
        Path seed = Path.of(System.getProperty("it.runs-dir"), "seed");
        try (Stream<Path> files = Files.walk(seed)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = directory.resolve(seed.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return directory;
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static JsonObject object(byte[] bytes) {
        try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        }
    }

    /** {@code POST /artifacts/verify} of an uploaded bundle zip, as the suite's run credential. */
    public static HttpResponse<String> uploadForVerification(byte[] zip) {
        return Api.send(
                "POST",
                "api/v1/artifacts/verify",
                BodyPublishers.ofByteArray(zip),
                Api.with(runner(), "Content-Type", "application/zip"));
    }

    /** A zip with these files, plus symbolic-link entries (pointing at /etc/passwd) under the given names. */
    public static byte[] archive(Map<String, byte[]> files, List<String> links) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(file.getKey());
                zip.putArchiveEntry(entry);
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
            for (String link : links) {
                var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(link);
                entry.setUnixMode(0120777);
                zip.putArchiveEntry(entry);
                zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
