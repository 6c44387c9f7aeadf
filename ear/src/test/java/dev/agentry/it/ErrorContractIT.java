package dev.agentry.it;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.probe.FailureProbeResource;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC section 4 for everything the container can throw at a caller. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorContractIT {

    private static final int LIMIT = 1_048_576;

    @Test
    void anUnknownRouteIsNotFound() {
        assertProblem(get("api/v1/no-such-route"), 404, "not_found");
    }

    @Test
    void aPathUnderTheApiContextButOutsideTheApiIsNotFoundToo() {
        assertProblem(get("api/no-such-thing"), 404, "not_found");
        assertProblem(get("api/"), 404, "not_found");
    }

    @Test
    void aPathParameterOfTheWrongTypeIsNotFound() {
        assertProblem(get("api/v1/diagnostics/not-a-number", asBootstrap()), 404, "not_found");
    }

    @Test
    void aWrongMethodIsMethodNotAllowedAndSaysWhichAre() {
        HttpResponse<String> response = send("DELETE", "api/v1/health", BodyPublishers.noBody());

        assertProblem(response, 405, "method_not_allowed");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"));
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        HttpResponse<String> response = send(
                "POST",
                "api/v1/diagnostics",
                BodyPublishers.ofString("note=hi"),
                Api.with(asBootstrap(), "Content-Type", "text/plain"));

        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void anUnacceptableAcceptIsRefused() {
        assertProblem(get("api/v1/health", "Accept", "application/xml"), 406, "not_acceptable");
    }

    @Test
    void malformedJsonIsAValidationFailureAndStartsNothing() {
        int before = runs();

        assertProblem(postJson("api/v1/diagnostics", "{\"note\": ", asBootstrap()), 400, "validation_failed");
        assertProblem(
                postJson("api/v1/diagnostics", "{\"note\": {\"nested\": true}}", asBootstrap()),
                400,
                "validation_failed");
        assertProblem(postJson("api/v1/diagnostics", "[1, 2", asBootstrap()), 400, "validation_failed");

        assertEquals(before, runs(), "a refused request changes nothing");
    }

    @Test
    void anInvalidFieldIsNamedInErrors() {
        JsonObject problem = assertProblem(
                postJson("api/v1/diagnostics", "{\"note\": \"" + "x".repeat(201) + "\"}", asBootstrap()),
                400,
                "validation_failed");

        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("note", error.getString("field"));
        assertEquals("too_long", error.getString("code"));
    }

    @Test
    void aMalformedQueryParameterIsAValidationFailureNamingIt() {
        JsonObject problem =
                assertProblem(get("api/v1/diagnostics?limit=ten", asBootstrap()), 400, "validation_failed");

        assertEquals("limit", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() {
        byte[] body = jsonNote(LIMIT + 1);

        HttpResponse<String> response = send(
                "POST",
                "api/v1/diagnostics",
                BodyPublishers.ofByteArray(body),
                Api.with(asBootstrap(), "Content-Type", "application/json"));

        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void anUndeclaredOversizedBodyIsCutOffAtTheLimit() {
        byte[] body = jsonNote(2 * LIMIT);
        int before = runs();

        // An input stream publisher has no length, so the body travels chunked.
        HttpResponse<String> response = send(
                "POST",
                "api/v1/diagnostics",
                BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(body, 0, LIMIT),
                        new ByteArrayInputStream(body, LIMIT, body.length - LIMIT))),
                Api.with(asBootstrap(), "Content-Type", "application/json"));

        assertProblem(response, 413, "payload_too_large");
        assertEquals(before, runs());
    }

    @Test
    void anUnexpectedExceptionIsInternalWithoutItsMessageOrStackTrace() {
        HttpResponse<String> response = get("api/v1/_probe/failure");

        JsonObject problem = assertProblem(response, 500, "internal");
        assertFalse(response.body().contains("hunter2"));
        assertFalse(response.body().contains(FailureProbeResource.LEAKY_MESSAGE));
        assertFalse(response.body().contains("IllegalStateException"));
        assertTrue(problem.getString("detail").contains("request id"));
    }

    @Test
    void everyErrorIsUncacheable() {
        HttpResponse<String> response = get("api/v1/no-such-route");

        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    private static byte[] jsonNote(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] prefix = "{\"note\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static int runs() {
        return Api.structure(get("api/v1/diagnostics?limit=100", asBootstrap()).body())
                .asJsonArray()
                .size();
    }
}
