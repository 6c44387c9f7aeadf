/**
 * The MCP sessions agents hold open on this node: bounded per credential, ended when idle, listed for
 * administrators. The transport itself (JSON-RPC over Streamable HTTP) is the API's.
 */
package dev.agentry.core.mcp;
