// Package mcpserver serves the sales semantic layer to AI agents over the Model
// Context Protocol, on the official Go SDK: `salesanalytics mcp`.
//
//	srv := mcpserver.New(svc, mcpserver.Options{})
//	err := srv.Run(ctx, &mcp.StdioTransport{})                   // stdio
//	h := mcpserver.Handler(srv, mcpserver.HTTPOptions{})           // streamable HTTP
//	err = http.ListenAndServe("127.0.0.1:8765", h)
//
// # Tools
//
// list_metrics, list_dimensions (with synonyms and sample values),
// list_filters and describe read the model; query runs a typed request (the
// JSON request of `salesanalytics query -request`, schema generated from
// request.Request) and returns exact values (decimals as strings), the SQL and
// the tables that answered; explain compiles the same request without running
// it; ask puts a question to the analyst (offline, or Cortex Analyst on
// Snowflake) with its reading of the question as a request; view returns a
// dashboard view's tables for a filter. Every input and output schema is
// generated from the Go types of this package and package request.
//
// # Results
//
// A call's arguments are validated against the tool's input schema before
// it runs, by the schema compiled once to a checker (jsonschema-go's
// validator, its test oracle, walks the schema by reflection on every call);
// a refusal lists every problem with its place (where[0].op: one of =, <>, …). Its result is the output's JSON as structured content, valid
// against the advertised output schema, and the same JSON as text for
// clients older than structured content (the MCP specification's rule). The
// server builds both from one marshal instead of the SDK's typed handler,
// which decodes and re-encodes the JSON several times over:
// BenchmarkQueryTool against BenchmarkQueryLibrary measures what a call costs
// over the library's, and BenchmarkQueryPaired the same interleaved (with a
// library call under a deadline, as a tool call's is, beside).
//
// # Resources
//
// The model, once per service.Formats entry: salesanalytics://model/yaml.
//
// # Limits
//
// Read-only by construction: no tool takes SQL or names a table; what runs is
// what the query compiler, the analyst or the dashboard wrote from model names.
// Each call has a deadline (Options.Timeout), at most Options.MaxConcurrent run
// at once (others wait up to Options.Queue), a result is at most
// Options.MaxResultBytes of JSON and request.MaxRows rows, and input strings are
// bounded by the schemas and package request. An error is a tool error: the
// message for a bad request lists the valid names; a failure of the warehouse
// is reported without its detail (which goes to Options.Log), so no SQL state,
// DSN or credential reaches the client. The HTTP handler refuses a
// cross-origin browser request (Origin not on loopback unless allowed) and a
// non-loopback Host, the MCP spec's DNS-rebinding rule.
package mcpserver
