package analyst

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Agent roles and content types of the Cortex Agents API.
const (
	AgentRoleUser      = "user"
	AgentRoleAssistant = "assistant"

	AgentContentText       = "text"
	AgentContentThinking   = "thinking"
	AgentContentToolUse    = "tool_use"
	AgentContentToolResult = "tool_result"
	AgentContentTable      = "table"
	AgentContentChart      = "chart"

	// ToolCortexAnalyst is the tool type of Cortex Analyst over a semantic view
	// or a staged semantic model.
	ToolCortexAnalyst = "cortex_analyst_text_to_sql"
)

// AgentRequest is the body of an agent:run request. Messages hold the
// conversation, oldest first, ending with the user's question — or, in a thread
// (ThreadID and ParentMessageID set), only the question. An agent object takes
// only the thread fields, Messages, ToolChoice and Stream; a run without one
// also takes the agent's configuration: Models, Instructions, Orchestration,
// Tools and ToolResources.
type AgentRequest struct {
	ThreadID        *int64         `json:"thread_id,omitempty"`
	ParentMessageID *int64         `json:"parent_message_id,omitempty"`
	Messages        []AgentMessage `json:"messages"`
	Stream          bool           `json:"stream"`
	ToolChoice      *ToolChoice    `json:"tool_choice,omitempty"`

	Models        *AgentModels            `json:"models,omitempty"`
	Instructions  *AgentInstructions      `json:"instructions,omitempty"`
	Orchestration *AgentOrchestration     `json:"orchestration,omitempty"`
	Tools         []AgentTool             `json:"tools,omitempty"`
	ToolResources map[string]ToolResource `json:"tool_resources,omitempty"`
}

// AgentMessage is one message of an agent conversation.
type AgentMessage struct {
	Role    string         `json:"role"`
	Content []AgentContent `json:"content"`
}

// AgentContent is one item of a message: its Type names the field that is set.
// Items of types this package does not model keep their JSON in Raw and are
// written back as received.
type AgentContent struct {
	Type          string          `json:"type"`
	Text          string          `json:"text,omitempty"`
	IsElicitation bool            `json:"is_elicitation,omitempty"`
	Thinking      *AgentThinking  `json:"thinking,omitempty"`
	ToolUse       *ToolUse        `json:"tool_use,omitempty"`
	ToolResult    *ToolResult     `json:"tool_result,omitempty"`
	Table         *AgentTable     `json:"table,omitempty"`
	Chart         *AgentChart     `json:"chart,omitempty"`
	Raw           json.RawMessage `json:"-"`
}

// MarshalJSON writes the item; an item of an unknown type is written as received.
func (c AgentContent) MarshalJSON() ([]byte, error) {
	switch c.Type {
	case AgentContentText, AgentContentThinking, AgentContentToolUse, AgentContentToolResult, AgentContentTable, AgentContentChart:
	default:
		if len(c.Raw) > 0 {
			return c.Raw, nil
		}
	}
	type plain AgentContent
	return json.Marshal(plain(c))
}

// UnmarshalJSON reads an item and keeps its JSON.
func (c *AgentContent) UnmarshalJSON(b []byte) error {
	type plain AgentContent
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*c = AgentContent(p)
	c.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// AgentThinking is the agent's reasoning.
type AgentThinking struct {
	Text      string `json:"text"`
	Signature string `json:"signature,omitempty"`
}

// ToolUse is the agent calling a tool.
type ToolUse struct {
	ToolUseID string          `json:"tool_use_id"`
	Type      string          `json:"type"`
	Name      string          `json:"name"`
	Input     json.RawMessage `json:"input,omitempty"`
	// ClientSideExecute arrives as a boolean or as "true" (the docs show both).
	ClientSideExecute flexBool `json:"client_side_execute,omitempty"`
}

// ToolResult is what a tool returned.
type ToolResult struct {
	ToolUseID string              `json:"tool_use_id"`
	Type      string              `json:"type"`
	Name      string              `json:"name"`
	Content   []ToolResultContent `json:"content"`
	Status    string              `json:"status,omitempty"`
}

// ToolResultContent is one part of a tool result: JSON or text.
type ToolResultContent struct {
	Type string          `json:"type"`
	JSON json.RawMessage `json:"json,omitempty"`
	Text string          `json:"text,omitempty"`
}

// AgentTable is a result table the agent shows; its figures are the server's
// (the SQL behind them is run again locally by [Agent]).
type AgentTable struct {
	ToolUseID string          `json:"tool_use_id,omitempty"`
	QueryID   string          `json:"query_id,omitempty"`
	ResultSet json.RawMessage `json:"result_set,omitempty"`
	Title     string          `json:"title,omitempty"`
}

// AgentChart is a Vega-Lite chart the agent drew.
type AgentChart struct {
	ToolUseID string `json:"tool_use_id,omitempty"`
	ChartSpec string `json:"chart_spec"`
}

// ToolChoice says how the agent picks tools: auto, required, or tool (Name).
type ToolChoice struct {
	Type string   `json:"type"`
	Name []string `json:"name,omitempty"`
}

// AgentModels names the orchestration model; empty lets Snowflake choose.
type AgentModels struct {
	Orchestration string `json:"orchestration,omitempty"`
}

// AgentInstructions steer the answer and the choice of tools.
type AgentInstructions struct {
	Response      string `json:"response,omitempty"`
	Orchestration string `json:"orchestration,omitempty"`
}

// AgentOrchestration bounds a run.
type AgentOrchestration struct {
	Budget *AgentBudget `json:"budget,omitempty"`
}

// AgentBudget is a run's time and token budget; the first reached ends it.
type AgentBudget struct {
	Seconds int `json:"seconds,omitempty"`
	Tokens  int `json:"tokens,omitempty"`
}

// AgentTool is one tool the agent may use.
type AgentTool struct {
	ToolSpec ToolSpec `json:"tool_spec"`
}

// ToolSpec describes a tool: its type (e.g. cortex_analyst_text_to_sql), the
// name its ToolResource is keyed by, and what it is for.
type ToolSpec struct {
	Type        string          `json:"type"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	InputSchema json.RawMessage `json:"input_schema,omitempty"`
}

// ToolResource configures a tool. For Cortex Analyst set exactly one of
// SemanticView and SemanticModelFile.
type ToolResource struct {
	SemanticView         string                `json:"semantic_view,omitempty"`
	SemanticModelFile    string                `json:"semantic_model_file,omitempty"`
	ExecutionEnvironment *ExecutionEnvironment `json:"execution_environment,omitempty"`
}

// ExecutionEnvironment is where a server-side tool runs its SQL.
type ExecutionEnvironment struct {
	Type         string `json:"type"` // warehouse
	Warehouse    string `json:"warehouse,omitempty"`
	QueryTimeout int    `json:"query_timeout,omitempty"`
}

// AgentResponse is the agent's whole answer: the body of a non-streamed run and
// the data of a stream's final response event.
type AgentResponse struct {
	Role     string                `json:"role"`
	Content  []AgentContent        `json:"content"`
	Warnings []AgentWarning        `json:"warnings,omitempty"`
	Metadata AgentResponseMetadata `json:"metadata"`
	// Status is completed, or cancelled or timed_out for a run that did not
	// finish.
	Status string `json:"status,omitempty"`
	// RequestID is the X-Snowflake-Request-Id of the answer.
	RequestID string `json:"-"`
}

// AgentWarning is a non-fatal problem of a run.
type AgentWarning struct {
	Message string `json:"message"`
	Code    string `json:"code,omitempty"`
}

// AgentResponseMetadata identifies a run and, in a thread, its messages: the
// AssistantMessageID is the parent of a follow-up question.
type AgentResponseMetadata struct {
	RunID              string `json:"run_id,omitempty"`
	ThreadID           int64  `json:"thread_id,omitempty"`
	UserMessageID      int64  `json:"user_message_id,omitempty"`
	AssistantMessageID int64  `json:"assistant_message_id,omitempty"`
}

// Text returns the answer's text items, a blank line between two.
func (r *AgentResponse) Text() string {
	var parts []string
	for _, c := range r.Content {
		if c.Type == AgentContentText && c.Text != "" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

// AnalystResult is the result of a Cortex Analyst tool call, as the agent
// reports it: the SQL Cortex Analyst wrote, its explanation, the suggestions
// it offers when it cannot answer, and whether a verified query was used.
type AnalystResult struct {
	ToolUseID        string
	SQL              string   `json:"sql"`
	Text             string   `json:"text"`
	SQLExplanation   string   `json:"sql_explanation"`
	Suggestions      []string `json:"suggestions"`
	VerifiedQuery    string   // the name, when the API names it
	VerifiedQueryHit bool     // a verified query was used
}

// AnalystResult returns the last successful Cortex Analyst tool result of the
// answer that carries SQL, else the last one at all; ok is false when the agent
// did not call Cortex Analyst.
func (r *AgentResponse) AnalystResult() (res AnalystResult, ok bool) {
	withSQL := false
	for _, c := range r.Content {
		tr := c.ToolResult
		if c.Type != AgentContentToolResult || tr == nil || tr.Type != ToolCortexAnalyst {
			continue
		}
		got := analystResult(tr)
		if got.SQL != "" || !withSQL {
			res, ok, withSQL = got, true, withSQL || got.SQL != ""
		}
	}
	return res, ok
}

// analystResult reads a Cortex Analyst tool result's JSON and text parts.
func analystResult(tr *ToolResult) AnalystResult {
	out := AnalystResult{ToolUseID: tr.ToolUseID}
	for _, part := range tr.Content {
		if part.Type == "text" && out.Text == "" {
			out.Text = part.Text
		}
		if len(part.JSON) == 0 || checkDepth(part.JSON) != nil {
			continue
		}
		var j struct {
			SQL            string          `json:"sql"`
			Text           string          `json:"text"`
			SQLExplanation string          `json:"sql_explanation"`
			Suggestions    []string        `json:"suggestions"`
			Verified       json.RawMessage `json:"verified_query_used"`
		}
		if json.Unmarshal(part.JSON, &j) != nil {
			continue
		}
		out.SQL, out.SQLExplanation, out.Suggestions = j.SQL, j.SQLExplanation, j.Suggestions
		if j.Text != "" {
			out.Text = j.Text
		}
		var vq VerifiedQuery
		var hit bool
		switch {
		case json.Unmarshal(j.Verified, &hit) == nil:
			out.VerifiedQueryHit = hit
		case json.Unmarshal(j.Verified, &vq) == nil && vq.Name != "":
			out.VerifiedQuery, out.VerifiedQueryHit = vq.Name, true
		}
	}
	return out
}

// Thread is a Cortex Agents thread, which keeps a conversation on the server.
type Thread struct {
	ThreadID          int64  `json:"thread_id"`
	ThreadName        string `json:"thread_name"`
	OriginApplication string `json:"origin_application"`
	CreatedOn         int64  `json:"created_on"` // milliseconds since the epoch
	UpdatedOn         int64  `json:"updated_on"`
}

// flexBool reads a JSON boolean or the strings "true" and "false".
type flexBool bool

// UnmarshalJSON accepts true, false, "true" and "false".
func (b *flexBool) UnmarshalJSON(data []byte) error {
	switch strings.Trim(string(data), `"`) {
	case "true":
		*b = true
	case "false", "null", "":
		*b = false
	default:
		return fmt.Errorf("expected true or false, got %.20s", data)
	}
	return nil
}
