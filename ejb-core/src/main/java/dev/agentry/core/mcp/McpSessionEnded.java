package dev.agentry.core.mcp;

/**
 * An administrator ended a credential's MCP session, named by its handle: {@link McpSessions} ends it once the
 * transaction holding the audit record of it commits.
 */
record McpSessionEnded(String credentialId, String handle) {}
