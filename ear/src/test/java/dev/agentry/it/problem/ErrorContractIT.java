package dev.agentry.it.problem;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.RawResponse;
import dev.agentry.it.probe.FailureProbeResource;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void aNotFoundDetailIsOneSentence() {
        assertEquals(
                "There is no resource at this path.",
                assertProblem(get("api/v1/no-such-route"), 404, "not_found").getString("detail"));
        assertEquals(
                "There is no resource at this path.",
                assertProblem(get("api/v1/no-such-collection", asBootstrap()), 404, "not_found")
                        .getString("detail"));
        assertEquals(
                "There is no run with this id.",
                assertProblem(get("api/v1/runs/run_missing", asBootstrap()), 404, "not_found")
                        .getString("detail"));
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

    @ParameterizedTest
    @ValueSource(longs = {11L * 1024 * 1024, 200L * 1024 * 1024})
    void aDeclaredBodyOverTheContainersDefaultLimitIsAnsweredByTheApiNotTheContainer(long declared) throws IOException {
        // Only the headers and a few bytes travel: the refusal must come before the body is read.
        RawResponse response = RawResponse.post(
                "/api/v1/diagnostics",
                declared,
                "Authorization: " + asBootstrap()[1],
                "Content-Type: application/json",
                "X-Request-Id: big-" + declared);

        assertEquals(413, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith(Api.PROBLEM_JSON), response.toString());
        assertEquals("big-" + declared, response.header("X-Request-Id"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("close", response.header("Connection"), "an unread body is not drained for a next request");
        JsonObject problem = (JsonObject) Api.structure(response.body());
        assertEquals("payload_too_large", problem.getString("code"));
        assertEquals("big-" + declared, problem.getString("requestId"));
    }

    @Test
    void theConsoleKeepsItsOwnBodyLimitBelowTheContainersRaisedOne() throws IOException {
        RawResponse response = RawResponse.post(
                "/admin/login.xhtml", 11L * 1024 * 1024, "Content-Type: application/x-www-form-urlencoded");

        assertEquals(413, response.status(), response.toString());
    }

    @Test
    void theConsoleTakesNoBodyOfUndeclaredLengthWhichItsLimitCouldNotBound() {
        // An input stream publisher has no length: chunked over HTTP/1.1, a bare stream over HTTP/2.
        HttpResponse<String> response = send(
                "POST",
                "admin/login.xhtml",
                BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("j_username=admin".getBytes(StandardCharsets.UTF_8))),
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertEquals(411, response.statusCode(), response.body());
    }

    @Test
    void aCallerWithoutATokenIsToldSoBeforeAnythingAboutMediaTypes() {
        // No Content-Type, a wrong one, an Accept the route cannot answer: the missing token comes first.
        assertProblem(send("POST", "api/v1/diagnostics", BodyPublishers.ofString("note=hi")), 401, "auth_missing");
        assertProblem(
                send("POST", "api/v1/diagnostics", BodyPublishers.ofString("note=hi"), "Content-Type", "text/plain"),
                401,
                "auth_missing");
        assertProblem(get("api/v1/credentials", "Accept", "application/xml"), 401, "auth_missing");
        HttpResponse<String> invalid = send(
                "POST",
                "api/v1/credentials",
                BodyPublishers.ofString("x"),
                "Content-Type",
                "text/plain",
                "Authorization",
                "Bearer not.a.jwt");
        assertProblem(invalid, 401, "auth_invalid");

        // With a token, the media types are judged as before; a public route still negotiates.
        assertProblem(
                get("api/v1/credentials", Api.with(asBootstrap(), "Accept", "application/xml")), 406, "not_acceptable");
        assertProblem(get("api/v1/health", "Accept", "application/xml"), 406, "not_acceptable");
    }

    @Test
    void aPathThatIsNotUtf8IsAValidationFailure() {
        assertProblem(get("api/v1/%C0%AF"), 400, "validation_failed");
        assertProblem(get("api/v1/%FF"), 400, "validation_failed");
        assertProblem(get("api/v1/health?x=%FF"), 400, "validation_failed");
        assertProblem(get("api/v1/caf%C3%A9"), 404, "not_found");
    }

    @Test
    void aQueryStringOverItsBoundIsRefusedAndOneWithinItIsNot() throws IOException {
        RawResponse refused = RawResponse.get("/api/v1/health?q=" + "a".repeat(100_000));

        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.header("Content-Type").startsWith(Api.PROBLEM_JSON), refused.toString());
        JsonObject problem = (JsonObject) Api.structure(refused.body());
        assertEquals("validation_failed", problem.getString("code"));
        assertTrue(problem.getString("detail").contains("8192"), problem.toString());
        assertEquals(refused.header("X-Request-Id"), problem.getString("requestId"));
        assertEquals(
                200, RawResponse.get("/api/v1/health?q=" + "a".repeat(8_000)).status());
    }

    @Test
    void refusalsWhereverTheyAreProducedAreAudited() {
        Instant since = AuditRecords.mark();
        String run = UUID.randomUUID().toString();
        record Refusal(String code, HttpResponse<String> response) {}
        List<Refusal> refused = List.of(
                new Refusal("not_found", get("api/v1/no-such-route", "X-Request-Id", "route-" + run)),
                new Refusal("not_found", get("api/no-such-thing", "X-Request-Id", "outside-" + run)),
                new Refusal(
                        "method_not_allowed",
                        send("DELETE", "api/v1/health", BodyPublishers.noBody(), "X-Request-Id", "method-" + run)),
                new Refusal(
                        "not_acceptable",
                        get("api/v1/health", "Accept", "application/xml", "X-Request-Id", "accept-" + run)),
                new Refusal(
                        "unsupported_media_type",
                        send(
                                "POST",
                                "api/v1/diagnostics",
                                BodyPublishers.ofString("note=hi"),
                                Api.with(asBootstrap(), "Content-Type", "text/plain", "X-Request-Id", "media-" + run))),
                new Refusal(
                        "payload_too_large",
                        send(
                                "POST",
                                "api/v1/diagnostics",
                                BodyPublishers.ofByteArray(jsonNote(LIMIT + 1)),
                                Api.with(
                                        asBootstrap(),
                                        "Content-Type",
                                        "application/json",
                                        "X-Request-Id",
                                        "large-" + run))),
                new Refusal("validation_failed", get("api/v1/%FF", "X-Request-Id", "utf8-" + run)));

        for (Refusal refusal : refused) {
            JsonObject problem =
                    assertProblem(refusal.response(), refusal.response().statusCode(), refusal.code());
            JsonObject record = AuditRecords.of(problem.getString("requestId"), since);
            assertEquals("failed", record.getString("outcome"), record.toString());
            assertEquals(refusal.code(), record.getString("errorCode"), record.toString());
        }
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
        return Api.listed(get("api/v1/diagnostics?limit=100", asBootstrap())).size();
    }
}
