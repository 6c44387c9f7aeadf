package dev.agentry.core.mcp;

import java.time.Instant;

/**
 * One MCP session: who opened it, the protocol version agreed at {@code initialize}, and when it was last
 * used (sessions idle too long end on their own).
 *
 * @param id the {@code Mcp-Session-Id}: random, unguessable, visible ASCII
 * @param credentialId the credential whose token initialised it; no other may use it
 * @param protocolVersion the negotiated version
 * @param client the client's self-description ({@code clientInfo.name}), capped
 * @param openedAt when it was initialised
 * @param lastUsedAt when a request last named it
 */
public record McpSession(
        String id, String credentialId, String protocolVersion, String client, Instant openedAt, Instant lastUsedAt) {

    /** The length of a session's {@link #handle()}. */
    public static final int HANDLE_LENGTH = 8;

    /**
     * What an administrator sees of the id and names the session by: its first characters, enough to tell a
     * credential's few sessions apart, far too few to be used as the id (which is worthless without the
     * credential's token anyway, but is the client's, not the console's).
     */
    public String handle() {
        return id.substring(0, HANDLE_LENGTH);
    }

    public McpSession used(Instant now) {
        return new McpSession(id, credentialId, protocolVersion, client, openedAt, now);
    }
}
