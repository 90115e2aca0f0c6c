package analyst

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// Paths of the Cortex Agents endpoints. A run of an agent object goes to
// /api/v2/databases/{database}/schemas/{schema}/agents/{name}:run ([AgentObject]).
const (
	AgentRunPath = "/api/v2/cortex/agent:run"
	ThreadsPath  = "/api/v2/cortex/threads"
)

// MaxOriginApplication is the longest origin_application a thread takes, in bytes.
const MaxOriginApplication = 16

// AgentObject names an agent object (CREATE AGENT) to run; the zero value runs
// without one, configured by the request.
type AgentObject struct {
	Database, Schema, Name string
}

// path is the run endpoint of o, each name path-escaped. A name may be a
// quoted identifier ("My Agent"); it may not be empty, hold a control
// character or be longer than 255 bytes.
func (o AgentObject) path() (string, error) {
	if o == (AgentObject{}) {
		return AgentRunPath, nil
	}
	parts := []struct{ what, v string }{{"database", o.Database}, {"schema", o.Schema}, {"name", o.Name}}
	for _, p := range parts {
		if p.v == "" || len(p.v) > 255 || strings.IndexFunc(p.v, unicode.IsControl) >= 0 {
			return "", fmt.Errorf("%w: the agent's %s must be 1 to 255 bytes with no control character", ErrInvalidRequest, p.what)
		}
	}
	return "/api/v2/databases/" + url.PathEscape(o.Database) + "/schemas/" + url.PathEscape(o.Schema) +
		"/agents/" + url.PathEscape(o.Name) + ":run", nil
}

// AnalystAgent is the configuration of a run without an agent object whose one
// tool, named tool, is Cortex Analyst over a semantic view (DB.SCHEMA.VIEW).
// warehouse, if not empty, is where the agent runs Cortex Analyst's SQL to
// write its answer; [Agent] runs the SQL again itself, read-only.
func AnalystAgent(tool, semanticView, warehouse string) AgentRequest {
	res := ToolResource{SemanticView: semanticView}
	if warehouse != "" {
		res.ExecutionEnvironment = &ExecutionEnvironment{Type: "warehouse", Warehouse: warehouse}
	}
	return AgentRequest{
		Tools: []AgentTool{{ToolSpec: ToolSpec{Type: ToolCortexAnalyst, Name: tool,
			Description: "Answers questions about sales (revenue, orders, customers, products, sales reps) with SQL over the " + semanticView + " semantic view."}}},
		ToolResources: map[string]ToolResource{tool: res},
	}
}

// Validate checks a request against the documented rules: a conversation
// ending with the user, thread_id and parent_message_id together (and then only
// the new question), every tool resource naming a tool, exactly one model
// source for a Cortex Analyst tool, and no agent configuration for an agent
// object, which has its own.
func (r AgentRequest) Validate(o AgentObject) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidRequest}, args...)...)
	}
	switch {
	case len(r.Messages) == 0:
		return bad("an agent run needs messages, ending with the user's question")
	case r.Messages[len(r.Messages)-1].Role != AgentRoleUser:
		return bad("the last message must be the user's, not %q", clip(r.Messages[len(r.Messages)-1].Role, 32))
	case (r.ThreadID == nil) != (r.ParentMessageID == nil):
		return bad("thread_id and parent_message_id go together")
	case r.ThreadID != nil && len(r.Messages) != 1:
		return bad("in a thread, messages holds only the new question (%d given)", len(r.Messages))
	case o != (AgentObject{}) && (r.Models != nil || r.Instructions != nil || r.Orchestration != nil || len(r.Tools) > 0 || len(r.ToolResources) > 0):
		return bad("an agent object has its own models, instructions, orchestration and tools; send only messages, threads and tool_choice")
	}
	tools := map[string]string{}
	for _, t := range r.Tools {
		if t.ToolSpec.Name == "" || t.ToolSpec.Type == "" {
			return bad("every tool needs a type and a name")
		}
		tools[t.ToolSpec.Name] = t.ToolSpec.Type
	}
	for name, res := range r.ToolResources {
		typ, ok := tools[name]
		if !ok {
			return bad("tool_resources[%q] names no tool", clip(name, 64))
		}
		if typ == ToolCortexAnalyst && (res.SemanticView == "") == (res.SemanticModelFile == "") {
			return bad("the Cortex Analyst tool %q needs exactly one of semantic_view and semantic_model_file", clip(name, 64))
		}
	}
	return nil
}

// RunAgent runs an agent — the object o, or with the zero AgentObject the
// configuration in req — and returns its whole answer. A streaming request
// (Stream set) is read to its end. Retries, bounds and scrubbing are the
// client's, as for [Client.Message]. A run may last minutes (the API allows 15)
// while the default transport waits DefaultTimeout for a non-streamed answer's
// headers: prefer Stream, whose headers come at once.
func (c *Client) RunAgent(ctx context.Context, o AgentObject, req AgentRequest) (*AgentResponse, error) {
	if req.Stream {
		s, err := c.StreamAgent(ctx, o, req)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		return s.Wait()
	}
	path, err := agentPath(o, req)
	if err != nil {
		return nil, err
	}
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	sc := newScrubber(c.Auth)
	var out AgentResponse
	id, err := c.postJSON(ctx, path, req, &out, sc)
	if err != nil {
		return nil, sc.err(err)
	}
	out.RequestID = id
	if out.Role != AgentRoleAssistant {
		return nil, sc.err(fmt.Errorf("%w: the answer's role is %q, not assistant", ErrMalformedResponse, clip(out.Role, 64)))
	}
	return &out, nil
}

// agentPath validates req for o and returns o's run endpoint.
func agentPath(o AgentObject, req AgentRequest) (string, error) {
	if err := req.Validate(o); err != nil {
		return "", err
	}
	return o.path()
}

// CreateThread creates a thread for a conversation kept by the server; origin
// (at most 16 bytes, may be empty) groups threads by application.
func (c *Client) CreateThread(ctx context.Context, origin string) (*Thread, error) {
	if len(origin) > MaxOriginApplication {
		return nil, fmt.Errorf("%w: origin_application is %d bytes; at most %d", ErrInvalidRequest, len(origin), MaxOriginApplication)
	}
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	sc := newScrubber(c.Auth)
	body := struct {
		Origin string `json:"origin_application,omitempty"`
	}{origin}
	var t Thread
	if _, err := c.postJSON(ctx, ThreadsPath, body, &t, sc); err != nil {
		return nil, sc.err(err)
	}
	if t.ThreadID <= 0 {
		return nil, fmt.Errorf("%w: the new thread has no thread_id", ErrMalformedResponse)
	}
	return &t, nil
}

// postJSON posts body to path and decodes the answer into out, within
// MaxResponseBytes and MaxJSONDepth. It returns the answer's request id header.
func (c *Client) postJSON(ctx context.Context, path string, body, out any, sc *scrubber) (string, error) {
	resp, err := c.post(ctx, path, body, false, sc)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	data, err := readBody(resp.Body, c.maxResponse())
	if err != nil {
		return "", err
	}
	if err := checkDepth(data); err != nil {
		return "", err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return "", fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	return requestID(resp), nil
}
