package mcpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
)

// add registers a tool whose handler runs under the server's limits.
//
// It does what the SDK's typed mcp.AddTool does, at a third of the cost: the
// arguments are decoded once to validate them against the input schema (by
// its compiled checker, see validate.go) and once into In; the output is marshalled once, for the size limit, the
// structured content and its text copy. (The SDK's typed handler decodes the
// arguments three times and marshals the output twice more, decoding it into
// maps between, each decode with a fresh 32 KiB buffer.) The output is valid
// against the advertised output schema by construction, the schema being
// generated from Out; TestEveryToolResultMatchesItsOutputSchema holds every
// tool to it.
func add[In, Out any](s *server, srv *mcp.Server, t *mcp.Tool, h func(ctx context.Context, req *mcp.CallToolRequest, in In) (Out, error)) {
	in := schemaOf[In](t.Name, "input")
	t.InputSchema = in
	t.OutputSchema = schemaOf[Out](t.Name, "output")
	if _, err := in.Resolve(&jsonschema.ResolveOptions{ValidateDefaults: true}); err != nil {
		panic(fmt.Sprintf("mcpserver: tool %s: input schema: %v", t.Name, err))
	}
	check, err := compile(in)
	if err != nil {
		panic(fmt.Sprintf("mcpserver: tool %s: input schema: %v", t.Name, err))
	}
	no := false
	t.Annotations = &mcp.ToolAnnotations{ReadOnlyHint: true, IdempotentHint: true, DestructiveHint: &no, OpenWorldHint: &no}
	srv.AddTool(t, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var args In
		if err := decodeArgs(req.Params.Arguments, check, &args); err != nil {
			return toolErr(err), nil
		}
		release, err := s.acquire(ctx)
		if err != nil {
			return toolErr(err), nil
		}
		defer release()
		ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
		defer cancel()
		out, err := h(ctx, req, args)
		if err != nil {
			return toolErr(s.toolError(t.Name, err)), nil
		}
		res, err := s.result(t.Name, out)
		if err != nil {
			return toolErr(err), nil
		}
		return res, nil
	})
}

// schemaOf is the JSON schema of T, which must be an object.
func schemaOf[T any](tool, what string) *jsonschema.Schema {
	sch, err := request.For[T]()
	if err != nil {
		panic(fmt.Sprintf("mcpserver: tool %s: %s schema: %v", tool, what, err))
	}
	if sch.Type != "object" {
		panic(fmt.Sprintf("mcpserver: tool %s: %s schema is a %s, not an object", tool, what, sch.Type))
	}
	return sch
}

// decodeArgs validates a call's arguments against the input schema, compiled
// to check (absent arguments are an empty object), and decodes them into v. Every struct of
// the schema refuses properties it does not name, so the decoder's
// case-insensitive matching of names never applies.
func decodeArgs(raw json.RawMessage, check *checker, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		raw = json.RawMessage("{}")
	}
	var instance any
	if err := json.Unmarshal(raw, &instance); err != nil {
		return fmt.Errorf("validating \"arguments\": %w", err)
	}
	if err := check.check(instance); err != nil {
		return fmt.Errorf("validating \"arguments\": %w", err)
	}
	return json.Unmarshal(raw, v)
}

// result is a tool's output as the protocol carries it: the JSON as
// structured content and, for clients older than structured content, the same
// JSON as text (the MCP specification's rule for tools with an output schema).
func (s *server) result(tool string, out any) (*mcp.CallToolResult, error) {
	b, err := json.Marshal(out)
	if err != nil {
		return nil, s.toolError(tool, err)
	}
	if len(b) > s.opts.MaxResultBytes {
		return nil, fmt.Errorf("the result is %d bytes of JSON, more than the %d allowed: ask for fewer rows (top, limit) or fewer dimensions", len(b), s.opts.MaxResultBytes)
	}
	return &mcp.CallToolResult{StructuredContent: json.RawMessage(b), Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil
}

// toolErr is err as a tool error: a result the model reads, not a protocol
// error.
func toolErr(err error) *mcp.CallToolResult {
	var res mcp.CallToolResult
	res.SetError(err)
	return &res
}
