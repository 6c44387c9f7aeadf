package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses how a POST to the MCP endpoint is answered, which on MCP's transport the message decides, not the
 * client's {@code Accept} (a client accepts both): a {@code tools/call} of a tool that follows a run, carrying a
 * {@code progressToken}, from a client that accepts {@code text/event-stream}, is answered with a stream
 * ({@link McpResource#stream}); every other message with one JSON response ({@link McpResource#post}). The
 * choice is made before matching by narrowing {@code Accept} to the one type, so JAX-RS picks the method.
 */
@Provider
@PreMatching
public class McpStreamNegotiation implements ContainerRequestFilter {

    private static final byte[] PROGRESS_TOKEN = "\"progressToken\"".getBytes(StandardCharsets.US_ASCII);

    @Inject
    McpToolCatalog tools;

    @Inject
    @ConfigProperty(name = "agentry.mcp.max-message-bytes", defaultValue = "262144")
    int maxMessageBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !McpResource.PATH.equals(stripSlashes(request.getUriInfo().getPath()))) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        boolean acceptsStream = accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS);
        if (acceptsStream && followsRun(request)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.SERVER_SENT_EVENTS);
        } else if (accept == null
                || acceptsStream
                || accept.contains(MediaType.APPLICATION_JSON)
                || accept.contains(MediaType.WILDCARD)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }

    /** Whether the body is a call that follows a run and asks for progress; the body stays readable. */
    private boolean followsRun(ContainerRequestContext request) {
        InputStream entity = request.getEntityStream();
        byte[] head;
        try {
            head = entity.readNBytes(maxMessageBytes + 1);
        } catch (IOException cutOff) {
            // Over the API's body limit: the JSON answer refuses it.
            request.setEntityStream(new FailedBody(cutOff));
            return false;
        }
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), entity));
        if (head.length > maxMessageBytes || indexOf(head, PROGRESS_TOKEN) < 0) {
            return false;
        }
        return call(head).filter(this::followsRun).isPresent();
    }

    private boolean followsRun(JsonObject message) {
        return message.get("params") instanceof JsonObject params
                && params.get("name") instanceof JsonString name
                && params.get("_meta") instanceof JsonObject meta
                && ProgressPosition.isId(meta.get("progressToken"))
                && tools.named(name.getString()).map(McpTool::followsRun).orElse(false);
    }

    /** The message, if it is a well-formed {@code tools/call} request. */
    private static Optional<JsonObject> call(byte[] body) {
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
            JsonValue parsed = reader.readValue();
            return parsed instanceof JsonObject message
                            && message.get("method") instanceof JsonString method
                            && "tools/call".equals(method.getString())
                            && ProgressPosition.isId(message.get("id"))
                    ? Optional.of(message)
                    : Optional.empty();
        } catch (JsonException malformed) {
            return Optional.empty();
        }
    }

    private static String stripSlashes(String path) {
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.endsWith("/") && path.length() > from ? path.length() - 1 : path.length();
        return path.substring(from, Math.max(from, to));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A body whose reading failed, failing again for the method that reads it. */
    private static final class FailedBody extends InputStream {

        private final IOException failure;

        FailedBody(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }
    }
}
