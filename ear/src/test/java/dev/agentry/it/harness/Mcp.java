package dev.agentry.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The MCP endpoint, two ways: through the official MCP Java SDK's client, unmodified but for its bearer token
 * (what an agent developer would write), and as raw JSON-RPC over HTTP for what a well-behaved client never sends.
 */
public final class Mcp {

    public static final String PATH = "api/v1/mcp";

    private static final AtomicLong IDS = new AtomicLong();

    private Mcp() {}

    /** An SDK client for the endpoint, sending this token, telling {@code progress} each progress notification. */
    public static McpSyncClient client(String token, Consumer<McpSchema.ProgressNotification> progress) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(Api.issuer())
                        .endpoint("/" + PATH)
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress)
                .build();
    }

    /**
     * POSTs one message in {@code session} accepting both JSON and a stream, and reads the answer as a stream: at
     * most {@code max} events (then the connection is dropped), within a minute.
     */
    public static RunEvents.Reading stream(String session, String body, int max, String... auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.server().resolve(PATH))
                .POST(BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session);
        for (int i = 0; i < auth.length; i += 2) {
            request.header(auth[i], auth[i + 1]);
        }
        return RunEvents.read(request, max, Duration.ofMinutes(1), comments -> {});
    }

    /** Resumes a stream of {@code session} after the event {@code lastEventId} (GET with Last-Event-ID). */
    public static RunEvents.Reading resume(String session, String lastEventId, String... auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.server().resolve(PATH))
                .GET()
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("Last-Event-ID", lastEventId);
        for (int i = 0; i < auth.length; i += 2) {
            request.header(auth[i], auth[i + 1]);
        }
        return RunEvents.read(request, 0, Duration.ofMinutes(1), comments -> {});
    }

    /** A resumption that is refused (no stream): {@code GET} with {@code Last-Event-ID}, its answer read whole. */
    public static HttpResponse<String> resumeRefused(String session, String lastEventId, String... auth) {
        return Api.send(
                "GET",
                PATH,
                BodyPublishers.noBody(),
                Api.with(auth, "Accept", "text/event-stream", "Mcp-Session-Id", session, "Last-Event-ID", lastEventId));
    }

    /** An SDK client for the endpoint, sending this token; not yet initialised. */
    public static McpSyncClient client(String token, String... protocolVersions) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(Api.issuer())
                .endpoint("/" + PATH)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
        if (protocolVersions.length > 0) {
            transport.supportedProtocolVersions(List.of(protocolVersions));
        }
        return McpClient.sync(transport.build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Initialises a session over raw HTTP with {@code version}; returns the initialize answer. */
    public static HttpResponse<String> initialize(String version, String... auth) {
        return post(
                null,
                request(
                        "initialize",
                        Json.createObjectBuilder()
                                .add("protocolVersion", version)
                                .add("capabilities", Json.createObjectBuilder())
                                .add(
                                        "clientInfo",
                                        Json.createObjectBuilder()
                                                .add("name", "raw")
                                                .add("version", "1"))
                                .build()),
                auth);
    }

    /** A new session's id, initialised over raw HTTP. */
    public static String session(String... auth) {
        HttpResponse<String> answer = initialize("2025-06-18", auth);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /**
     * The official TypeScript MCP SDK's client ({@code src/test/mcp-client/client.js}, run by Node.js) connected
     * with {@code token}: one JSON line of what it saw (version, tools, the first page of {@code collection}).
     */
    public static JsonObject typeScriptClient(String token, String collection) {
        Path dir = Path.of(System.getProperty("it.mcp-client", "target/mcp-client"));
        try {
            Process node = new ProcessBuilder(
                            "node", "client.js", Api.server().resolve(PATH).toString(), token, collection)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!node.waitFor(90, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("the TypeScript MCP client did not finish");
            }
            List<String> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return Api.structure(lines.get(lines.size() - 1)).asJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON-RPC request with a fresh id. */
    public static String request(String method, JsonObject params) {
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", IDS.incrementAndGet())
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
    }

    /** POSTs one message (any text) in {@code session} (or none). */
    public static HttpResponse<String> post(String session, String body, String... auth) {
        String[] headers =
                Api.with(auth, "Content-Type", "application/json", "Accept", "application/json, text/event-stream");
        if (session != null) {
            headers = Api.with(headers, "Mcp-Session-Id", session);
        }
        return Api.send("POST", PATH, BodyPublishers.ofString(body), headers);
    }

    /** The result of a {@code tools/call} over raw HTTP; fails unless it was answered with a result. */
    public static JsonObject callTool(String session, String tool, JsonObject arguments, String... auth) {
        HttpResponse<String> answer = post(
                session,
                request(
                        "tools/call",
                        Json.createObjectBuilder()
                                .add("name", tool)
                                .add("arguments", arguments)
                                .build()),
                auth);
        assertEquals(200, answer.statusCode(), answer.body());
        return Api.json(answer).getJsonObject("result");
    }
}
