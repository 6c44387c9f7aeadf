package dev.agentry.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** HTTP calls against the deployed application, and the assertions every API test shares. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static volatile String bootstrapToken;

    private Api() {}

    /** The bootstrap credential the server wrote on first start, as a newcomer finds it. */
    public static JsonObject bootstrapCredential() {
        Path file = Path.of(System.getProperty("it.data-dir"), "agentry", "bootstrap-credential.json");
        try {
            return (JsonObject) structure(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of the bootstrap credential, which holds every scope; fetched once per suite. */
    public static String[] asBootstrap() {
        if (bootstrapToken == null) {
            JsonObject credential = bootstrapCredential();
            bootstrapToken = token(credential.getString("client_id"), credential.getString("client_secret"), null);
        }
        return new String[] {"Authorization", "Bearer " + bootstrapToken};
    }

    /** Obtains a token with form-posted client credentials; fails the test if none is issued. */
    public static String token(String clientId, String secret, String scope) {
        HttpResponse<String> response = tokenRequest(clientId, secret, scope);
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return json(response).getString("access_token");
    }

    public static HttpResponse<String> tokenRequest(String clientId, String secret, String scope) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        form.append("&client_id=").append(URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        form.append("&client_secret=").append(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        if (scope != null) {
            form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        return send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString(form.toString()),
                "Content-Type",
                "application/x-www-form-urlencoded");
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** Moves the application's clock (test probe); always put it back with {@code shiftClock(0)}. */
    public static void shiftClock(long seconds) {
        HttpResponse<String> response = send("PUT", "api/v1/_probe/clock/" + seconds, BodyPublishers.noBody());
        if (response.statusCode() != 204) {
            throw new AssertionError("clock probe: " + response.statusCode());
        }
    }

    /** Creates a credential as the bootstrap credential; returns the created JSON, secret included. */
    public static JsonObject createCredential(String json) {
        HttpResponse<String> response = postJson("api/v1/credentials", json, asBootstrap());
        if (response.statusCode() != 201) {
            throw new AssertionError("credential not created: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** A token for a credential returned by {@link #createCredential}. */
    public static String tokenFor(JsonObject credential) {
        return token(credential.getString("clientId"), credential.getString("clientSecret"), null);
    }

    /** Headers joined, for calls that need a token and more. */
    public static String[] with(String[] headers, String... more) {
        return concat(headers, more);
    }

    /** The server's root, e.g. {@code http://localhost:8180/}. */
    public static URI server() {
        return URI.create("http://localhost:" + System.getProperty("it.http-port", "8180") + "/");
    }

    /** The token issuer: the server's public URL as the suite configures it ({@code agentry.public-url}). */
    public static String issuer() {
        return "http://localhost:" + System.getProperty("it.http-port", "8180");
    }

    /** The management interface's root, e.g. {@code http://localhost:10090/}. */
    public static URI management() {
        return URI.create("http://localhost:" + System.getProperty("it.management-port", "10090") + "/");
    }

    /** A path relative to the server root, e.g. {@code api/v1/health}. */
    public static HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    public static HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, BodyPublishers.ofString(json), concat(headers, "Content-Type", "application/json"));
    }

    public static HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) {
        return send(server().resolve(path), method, body, headers);
    }

    public static HttpResponse<String> send(URI uri, String method, BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is bytes, such as a zip download. */
    public static HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server().resolve(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) structure(response.body());
    }

    public static JsonStructure structure(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * Asserts the SPEC section 4 contract: status, problem media type, the code, the request id of the
     * response, and no trace of an exception in the body.
     */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> "status of " + response.uri() + ": " + response.body());
        assertTrue(contentType(response).startsWith(PROBLEM_JSON), () -> "content type " + contentType(response));
        JsonObject problem = json(response);
        assertEquals(code, problem.getString("code"));
        assertEquals(status, problem.getInt("status"));
        assertEquals("urn:agentry:problem:" + code, problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        assertNotNull(requestId, "X-Request-Id header");
        assertEquals(requestId, problem.getString("requestId"));
        assertNoStackTrace(response.body());
        return problem;
    }

    public static void assertNoStackTrace(String body) {
        for (String leak : new String[] {"Exception", "\tat ", "at dev.agentry", "at org.", "java.lang", "Caused by"}) {
            assertFalse(body.contains(leak), () -> "body leaks '" + leak + "': " + body);
        }
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /**
     * The records of a listing, after asserting it is the one list envelope every list route answers
     * with: {@code data}, {@code count} (the records on this page), {@code hasMore} and {@code nextCursor}
     * (present, {@code null} when there is no next page).
     */
    public static List<JsonObject> listed(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> response.uri() + ": " + response.body());
        JsonObject page = json(response);
        assertTrue(page.keySet().containsAll(Set.of("data", "count", "hasMore", "nextCursor")), page::toString);
        assertEquals(page.getJsonArray("data").size(), page.getInt("count"), page::toString);
        return page.getJsonArray("data").getValuesAs(JsonObject.class);
    }

    /** The check named {@code name} in a readiness answer (or its 503 problem). */
    public static JsonObject check(JsonObject readiness, String name) {
        return readiness.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + readiness));
    }

    /** The {@code field:code} pairs of a {@code validation_failed} problem, for comparing as a set. */
    public static Set<String> fieldErrors(HttpResponse<String> response) {
        return assertProblem(response, 400, "validation_failed").getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field") + ":"
                        + e.asJsonObject().getString("code"))
                .collect(Collectors.toSet());
    }

    /** The strings of the array member {@code field}. */
    public static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
