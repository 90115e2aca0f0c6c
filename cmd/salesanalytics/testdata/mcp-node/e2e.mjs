// Drives `salesanalytics mcp` with the official TypeScript MCP SDK and prints
// what it saw as one JSON object for the Go test to compare with the Go API.
//
//   node e2e.mjs stdio BINARY ARGS...   # spawn the binary, talk over stdio
//   node e2e.mjs http URL              # connect to a running server
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, target, ...rest] = process.argv.slice(2);
const transport = mode === "stdio"
  ? new StdioClientTransport({ command: target, args: rest, stderr: "inherit" })
  : new StreamableHTTPClientTransport(new URL(target));

const client = new Client({ name: "salesanalytics-e2e", version: "1.0.0" });
await client.connect(transport);

const tools = (await client.listTools()).tools.map((t) => t.name).sort();
const query = await client.callTool({
  name: "query",
  arguments: { metrics: ["revenue", "order_count"], by: ["region"], where: [{ field: "segment", values: ["SMB"] }], from: "2025-01-01", to: "2025-12-31" },
});
const ask = await client.callTool({ name: "ask", arguments: { question: "Total revenue by region last year" } });
const bad = await client.callTool({ name: "query", arguments: { metrics: ["revenu"] } });

console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools,
  query: query.structuredContent,
  queryError: !!query.isError,
  ask: ask.structuredContent,
  askError: !!ask.isError,
  badIsError: !!bad.isError,
  badText: bad.content?.[0]?.text ?? "",
}));
await client.close();
