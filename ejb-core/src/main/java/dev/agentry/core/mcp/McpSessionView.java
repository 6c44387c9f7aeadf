package dev.agentry.core.mcp;

import java.io.Serializable;
import java.time.Instant;

/**
 * An MCP session as an administrator sees it: named by its handle, never by its id.
 *
 * @param handle the first characters of the id ({@link McpSession#handle()})
 * @param client the client's self-description at {@code initialize}
 * @param protocolVersion the negotiated protocol version
 * @param openedAt when it was initialised
 * @param lastUsedAt when a request last named it
 */
public record McpSessionView(String handle, String client, String protocolVersion, Instant openedAt, Instant lastUsedAt)
        implements Serializable {

    static McpSessionView of(McpSession session) {
        return new McpSessionView(
                session.handle(),
                session.client(),
                session.protocolVersion(),
                session.openedAt(),
                session.lastUsedAt());
    }
}
