package dev.agentry.it.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The suite's test model server: a Chat Completions endpoint on loopback ({@code it.model-port}, where
 * the server's provider {@code testmodel} points) that answers with recorded responses. The request's
 * {@code model} names a scenario, {@code src/test/resources/model-server/<model>.json}:
 * {@code {"before": [answer...], "always": answer, "hangMs": n, "turns": [body...]}} — the first
 * requests of a scenario get {@code before}'s answers in order, {@code always} answers every request,
 * and otherwise the body is {@code turns[k]}, k the number of assistant messages the request holds.
 * An answer is {@code {status, headers, body}}; {@code {{authorization}}} in a body stands for the
 * request's {@code Authorization} header (a server that echoes what it was sent). Without the right
 * key it answers 401, as a hosted API would. Every request is recorded.
 */
public final class ModelServer {

    /** The key the server gives the provider (api-key-env AGENTRY_IT_MODEL_KEY). */
    public static final String KEY = System.getenv("AGENTRY_IT_MODEL_KEY");

    private static ModelServer running;

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    /** One request as it arrived. */
    public record Request(Instant at, String model, String authorization, JsonObject body) {}

    private ModelServer() {}

    public static synchronized ModelServer get() {
        if (running == null) {
            ModelServer server = new ModelServer();
            server.start(Integer.getInteger("it.model-port", 8188));
            running = server;
        }
        return running;
    }

    /** The requests for this model (scenario), in order of arrival. */
    public List<Request> requests(String model) {
        return requests.stream().filter(r -> model.equals(r.model())).toList();
    }

    private void start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "model-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/v1/chat/completions", this::answer);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the test model server cannot listen on " + port, e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonObject body;
            try (InputStream in = exchange.getRequestBody();
                    var reader = Json.createReader(
                            new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
                body = reader.readObject();
            }
            String model = body.getString("model", "");
            requests.add(new Request(Instant.now(), model, authorization, body));
            if (!("Bearer " + KEY).equals(authorization)) {
                send(
                        exchange,
                        401,
                        Map.of(),
                        error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
                        authorization);
                return;
            }
            JsonObject scenario = scenario(model);
            if (scenario == null) {
                send(
                        exchange,
                        404,
                        Map.of(),
                        error("The model `" + model + "` does not exist.", "invalid_request_error", "model_not_found"),
                        authorization);
                return;
            }
            int index = served.computeIfAbsent(model, m -> new AtomicInteger()).getAndIncrement();
            if (scenario.containsKey("hangMs")) {
                sleep(scenario.getInt("hangMs"));
                return; // the caller gave up long ago
            }
            JsonArray before = scenario.getJsonArray("before");
            JsonObject answer = before != null && index < before.size()
                    ? before.getJsonObject(index)
                    : scenario.getJsonObject("always");
            if (answer == null) {
                long assistants = body.getJsonArray("messages").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("role").equals("assistant"))
                        .count();
                JsonArray turns = scenario.getJsonArray("turns");
                answer = Json.createObjectBuilder()
                        .add("status", 200)
                        .add("body", turns.get((int) Math.min(assistants, turns.size() - 1)))
                        .build();
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            JsonObject given = answer.getJsonObject("headers");
            if (given != null) {
                given.forEach((name, value) -> headers.put(name, ((jakarta.json.JsonString) value).getString()));
            }
            send(exchange, answer.getInt("status"), headers, answer.get("body").toString(), authorization);
        }
    }

    private static String error(String message, String type, String code) {
        return Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("message", message)
                                .add("type", type)
                                .addNull("param")
                                .add("code", code))
                .build()
                .toString();
    }

    private static void send(
            HttpExchange exchange, int status, Map<String, String> headers, String body, String authorization)
            throws IOException {
        byte[] bytes =
                body.replace("{{authorization}}", String.valueOf(authorization)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonObject scenario(String model) {
        if (!model.matches("[a-z0-9-]{1,60}")) {
            return null;
        }
        try (InputStream in = ModelServer.class.getResourceAsStream("/model-server/" + model + ".json")) {
            if (in == null) {
                return null;
            }
            try (var reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
