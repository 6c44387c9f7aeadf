package dev.agentry.it.problem;

import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.RawResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestIdIT {

    @Test
    void aSaneIncomingIdIsEchoed() {
        HttpResponse<String> response = get("api/v1/health", "X-Request-Id", "trace-42.abc");

        assertEquals("trace-42.abc", requestId(response));
    }

    @Test
    void withoutAnIdOneIsGenerated() {
        String first = requestId(get("api/v1/health"));
        String second = requestId(get("api/v1/health"));

        UUID.fromString(first);
        assertNotEquals(first, second);
    }

    @Test
    void anInsaneIdIsReplaced() {
        String hostile = "x\" injected=1 <script>";

        String id = requestId(get("api/v1/health", "X-Request-Id", hostile));

        assertNotEquals(hostile, id);
        UUID.fromString(id);
    }

    @Test
    void everyResponseIsUncacheable() {
        assertEquals(
                "no-store",
                get("api/v1/health").headers().firstValue("Cache-Control").orElse(""));
        assertEquals(
                "no-store",
                get("api/v1/openapi.json").headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theIdIsInTheServerLogLineOfTheRequest() throws Exception {
        String id = "log-" + UUID.randomUUID();

        get("api/v1/readiness", "X-Request-Id", id);

        Path log = serverLog();
        String line = awaitLine(log, id, "GET /api/v1/readiness");
        assertTrue(line.contains(" 200 "), line);
    }

    @Test
    void aPathThatIsNotUtf8IsRefusedWithoutAStackTraceInTheLog() throws Exception {
        String id = "utf8-" + UUID.randomUUID();

        assertEquals(400, get("api/v1/%C0%AF", "X-Request-Id", id).statusCode());

        Path log = serverLog();
        String line = awaitLine(log, id, "GET /api/v1/%C0%AF");
        assertTrue(line.contains("io.undertow.accesslog"), line);
        try (var lines = Files.lines(log)) {
            List<String> others = lines.filter(l -> l.contains(id) && !l.contains("io.undertow.accesslog"))
                    .toList();
            assertEquals(List.of(), others, "log lines of the refused request besides its access-log line");
        }
        assertFalse(Files.readString(log).contains("MalformedInputException"), "a decoding stack trace in the log");
    }

    @Test
    void aLongQueryStringIsNotWrittenToTheAccessLog() throws Exception {
        String id = "query-" + UUID.randomUUID();
        String query = "q=" + "x".repeat(100_000);

        assertEquals(
                400,
                RawResponse.get("/api/v1/health?" + query, "X-Request-Id: " + id)
                        .status());

        String line = awaitLine(serverLog(), id, "GET /api/v1/health");
        assertTrue(line.length() < 1_000, () -> "access-log line of " + line.length() + " characters");
        assertFalse(line.contains("xxxxxxxxxx"), line);
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("it.server-dir"), "log", "server.log");
    }

    private static String awaitLine(Path log, String id, String request) {
        return Eventually.await(
                        "a line of " + request + " with " + id + " in " + log,
                        Duration.ofSeconds(10),
                        () -> line(log, id, request),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> line(Path log, String id, String request) {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(id) && l.contains(request)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }
}
