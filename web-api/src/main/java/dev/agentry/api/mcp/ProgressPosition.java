package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a client stands in a followed run's progress stream, as the SSE id of each event: the run, the number
 * of the last event it got, and the call's request id and progress token, so that {@code GET} with
 * {@code Last-Event-ID} resumes the same call's stream on any node, with nothing kept server-side. Forging one
 * gains nothing: resuming reads the run under the caller's own grant.
 *
 * @param runId the followed run
 * @param seq the run event this position is after
 * @param requestId the {@code tools/call} request's id (a string or an integer)
 * @param progressToken the call's {@code _meta.progressToken} (a string or an integer)
 */
record ProgressPosition(String runId, long seq, JsonValue requestId, JsonValue progressToken) {

    /** The longest Last-Event-ID read: a run id, a number and two short JSON-RPC values, encoded. */
    private static final int MAX_ENCODED = 2048;

    String encode() {
        String json = Jsonp.createObjectBuilder()
                .add("r", runId)
                .add("s", seq)
                .add("i", requestId)
                .add("t", progressToken)
                .build()
                .toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The position an SSE id names, or empty when it is not one this server wrote. */
    static Optional<ProgressPosition> decode(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ENCODED) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsonp.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject json
                    && json.get("r") instanceof JsonString run
                    && json.get("s") instanceof JsonNumber seq
                    && seq.isIntegral()
                    && seq.longValue() >= 0
                    && isId(json.get("i"))
                    && isId(json.get("t"))) {
                return Optional.of(
                        new ProgressPosition(run.getString(), seq.longValue(), json.get("i"), json.get("t")));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | JsonException e) {
            return Optional.empty();
        }
    }

    /** What JSON-RPC allows as a request id and MCP as a progress token: a string or an integer. */
    static boolean isId(JsonValue value) {
        return value instanceof JsonString text && text.getString().length() <= 200
                || value instanceof JsonNumber number && number.isIntegral();
    }
}
