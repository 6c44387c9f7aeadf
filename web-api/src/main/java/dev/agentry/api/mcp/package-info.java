/** The Model Context Protocol server (Streamable HTTP): the REST API's door for MCP clients, under the same policy. */
package dev.agentry.api.mcp;
