// Connects the official TypeScript MCP SDK's client to Agentry's MCP endpoint with a bearer token, lists the
// tools, reads the first page of a collection, ends the session, and prints one JSON line of what it saw.
// Usage: node client.js <endpoint url> <token> <collection>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, token, collection] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: "agentry-it", version: "1.0.0" });
try {
  await client.connect(transport);
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  const page = await client.callTool({ name: `${collection}.list`, arguments: { limit: 2 } });
  const sessionId = transport.sessionId;
  await transport.terminateSession();
  await client.close();
  console.log(JSON.stringify({
    protocolVersion: transport.protocolVersion,
    server: client.getServerVersion(),
    sessionId,
    tools,
    isError: page.isError,
    page: page.structuredContent,
  }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error && error.message ? error.message : error) }));
  process.exitCode = 1;
}
