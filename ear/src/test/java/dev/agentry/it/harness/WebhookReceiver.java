package dev.agentry.it.harness;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The loopback receiver ({@code src/test/webhook-receiver/receiver.js}) run with the machine's
 * Node.js: it checks every delivery with the independent {@code standardwebhooks} package. One
 * process for the whole suite, started on first use.
 */
public final class WebhookReceiver {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile WebhookReceiver running;

    private final int port;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    public static synchronized WebhookReceiver get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static WebhookReceiver start() {
        Path dir = Path.of(System.getProperty("it.webhook-receiver", "target/webhook-receiver"));
        try {
            Process node = new ProcessBuilder("node", "receiver.js", "0")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::destroy));
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            if (line == null || !line.startsWith("listening ")) {
                throw new IllegalStateException("the webhook receiver did not start: " + line);
            }
            return new WebhookReceiver(
                    Integer.parseInt(line.substring("listening ".length()).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node for the webhook receiver", e);
        }
    }

    /** The URL a subscription named {@code name} delivers to; {@code query} makes the receiver answer otherwise. */
    public String url(String name, String query) {
        return "http://127.0.0.1:" + port + "/hooks/" + name + (query == null ? "" : "?" + query);
    }

    /** The secrets deliveries to {@code name} are checked with. */
    public void expectSecrets(String name, String... secrets) {
        var array = Json.createArrayBuilder();
        for (String secret : secrets) {
            array.add(secret);
        }
        send(
                "PUT",
                "/_secrets/" + name,
                Json.createObjectBuilder().add("secrets", array).build().toString());
    }

    public List<JsonObject> received(String name) {
        return read(send("GET", "/_received/" + name, null)).asJsonArray().getValuesAs(JsonObject.class);
    }

    /** Waits until what arrived for {@code name} satisfies {@code enough}. */
    public List<JsonObject> await(String name, Predicate<List<JsonObject>> enough) {
        return Eventually.await("deliveries to " + name, Duration.ofSeconds(30), () -> received(name), enough);
    }

    /** The independent verifier's verdict on a delivery, tampered or not. */
    public JsonObject verify(String secret, String body, JsonObject headers) {
        return read(send(
                        "POST",
                        "/_verify",
                        Json.createObjectBuilder()
                                .add("secret", secret)
                                .add("body", body)
                                .add("headers", headers)
                                .build()
                                .toString()))
                .asJsonObject();
    }

    private String send(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static jakarta.json.JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
