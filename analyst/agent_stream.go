package analyst

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
)

// Agent stream event names, as documented. Others are passed through.
const (
	AgentEventStatus           = "response.status"
	AgentEventTextDelta        = "response.text.delta"
	AgentEventText             = "response.text"
	AgentEventThinkingDelta    = "response.thinking.delta"
	AgentEventThinking         = "response.thinking"
	AgentEventToolUse          = "response.tool_use"
	AgentEventToolResult       = "response.tool_result"
	AgentEventToolResultStatus = "response.tool_result.status"
	AgentEventAnalystDelta     = "response.tool_result.analyst.delta"
	AgentEventTable            = "response.table"
	AgentEventChart            = "response.chart"
	AgentEventWarning          = "response.warning"
	AgentEventMetadata         = "metadata"
	AgentEventResponse         = "response"
	AgentEventError            = "error"
)

// AgentEvent is one server-sent event of an agent run. Type names it; the
// fields that event carries are set, and Data is its JSON as received.
type AgentEvent struct {
	Type string
	// ContentIndex is the content item a text, thinking, tool or table event is
	// about.
	ContentIndex int
	// Text is a text or thinking delta, or a whole text or thinking item.
	Text string
	// Status and Message, for response.status and response.tool_result.status
	// (e.g. planning, "Planning the next steps").
	Status, Message string
	// ToolUse and ToolResult, for response.tool_use and response.tool_result.
	ToolUse    *ToolUse
	ToolResult *ToolResult
	// AnalystDelta, for response.tool_result.analyst.delta: a piece of Cortex
	// Analyst's answer inside the tool call.
	AnalystDelta *AnalystDelta
	// Warning, for response.warning.
	Warning *AgentWarning
	// Role and MessageID, for metadata: the thread message just added.
	Role      string
	MessageID int64
	// Response, for the final response event: the whole answer.
	Response *AgentResponse
	// Err, for error events.
	Err *APIError
	// Data is the event's raw data.
	Data json.RawMessage
}

// AnalystDelta is a piece of a Cortex Analyst tool call's answer.
type AnalystDelta struct {
	Text           string `json:"text,omitempty"`
	SQL            string `json:"sql,omitempty"`
	SQLExplanation string `json:"sql_explanation,omitempty"`
	QueryID        string `json:"query_id,omitempty"`
}

// AgentStream is an agent run being read. Read it with [AgentStream.Events]
// (or Next) to see its events as they arrive, or [AgentStream.Wait] for the
// whole answer, which the final response event carries; Close it when done.
// Its bounds are the client's, as for [Stream].
type AgentStream struct {
	*streamConn
	done bool
	err  error
	resp *AgentResponse
}

// StreamAgent starts a streamed agent run (see [Client.RunAgent]) and returns
// the stream once the server has accepted it; errors before the stream starts
// are returned here.
func (c *Client) StreamAgent(ctx context.Context, o AgentObject, req AgentRequest) (*AgentStream, error) {
	req.Stream = true
	path, err := agentPath(o, req)
	if err != nil {
		return nil, err
	}
	conn, err := c.openStream(ctx, path, req)
	if err != nil {
		return nil, err
	}
	return &AgentStream{streamConn: conn}, nil
}

// Next reads the next event. It returns io.EOF after the final response event,
// an *APIError for an error event, a *TooLargeError past a size bound, and
// ErrStreamInterrupted when the body ends before the response event (matching
// context.Canceled or context.DeadlineExceeded too when the context ended).
func (s *AgentStream) Next() (AgentEvent, error) {
	if s.done {
		return AgentEvent{}, io.EOF
	}
	if s.err != nil {
		return AgentEvent{}, s.err
	}
	name, data, err := s.sse.read()
	if errors.Is(err, io.EOF) {
		err = s.sse.interrupted(fmt.Errorf("the body ended before the response event: %w", io.ErrUnexpectedEOF))
	}
	if err != nil {
		s.err = s.sc.err(err)
		return AgentEvent{}, s.err
	}
	ev := AgentEvent{Type: name, Data: data}
	if err := s.apply(&ev); err != nil {
		s.err = s.sc.err(err)
		return ev, s.err
	}
	return ev, nil
}

// Events yields every event as it arrives, the response event last; an error
// ends it, yielded with the event where it occurred.
func (s *AgentStream) Events() iter.Seq2[AgentEvent, error] { return events(s.Next) }

// Wait reads the rest of the stream and returns the answer of its response
// event.
func (s *AgentStream) Wait() (*AgentResponse, error) {
	for {
		_, err := s.Next()
		if errors.Is(err, io.EOF) {
			return s.Response(), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Response returns the answer of the response event, or nil before it came.
func (s *AgentStream) Response() *AgentResponse { return s.resp }

// apply decodes an event into ev's typed fields.
func (s *AgentStream) apply(ev *AgentEvent) error {
	decode := func(v any) error {
		if err := checkDepth(ev.Data); err != nil {
			return fmt.Errorf("%s event: %w", ev.Type, err)
		}
		if err := json.Unmarshal(ev.Data, v); err != nil {
			return fmt.Errorf("%w: %s event: %v", ErrMalformedResponse, ev.Type, err)
		}
		return nil
	}
	var common struct {
		ContentIndex int    `json:"content_index"`
		Text         string `json:"text"`
		Status       string `json:"status"`
		Message      string `json:"message"`
	}
	switch ev.Type {
	case AgentEventStatus, AgentEventToolResultStatus, AgentEventTextDelta, AgentEventText, AgentEventThinkingDelta, AgentEventThinking:
		if err := decode(&common); err != nil {
			return err
		}
		ev.ContentIndex, ev.Text, ev.Status, ev.Message = common.ContentIndex, common.Text, common.Status, common.Message
	case AgentEventToolUse:
		ev.ToolUse = &ToolUse{}
		return s.decodeWithIndex(ev, decode, ev.ToolUse)
	case AgentEventToolResult:
		ev.ToolResult = &ToolResult{}
		return s.decodeWithIndex(ev, decode, ev.ToolResult)
	case AgentEventAnalystDelta:
		var d struct {
			ContentIndex int          `json:"content_index"`
			Delta        AnalystDelta `json:"delta"`
		}
		if err := decode(&d); err != nil {
			return err
		}
		ev.ContentIndex, ev.AnalystDelta = d.ContentIndex, &d.Delta
	case AgentEventWarning:
		ev.Warning = &AgentWarning{}
		return decode(ev.Warning)
	case AgentEventMetadata:
		var m struct {
			Metadata struct {
				Role      string `json:"role"`
				MessageID int64  `json:"message_id"`
			} `json:"metadata"`
		}
		if err := decode(&m); err != nil {
			return err
		}
		ev.Role, ev.MessageID = m.Metadata.Role, m.Metadata.MessageID
	case AgentEventResponse:
		var r AgentResponse
		if err := decode(&r); err != nil {
			return err
		}
		r.RequestID = s.requestID
		ev.Response, s.resp, s.done = &r, &r, true
	case AgentEventError:
		ae := apiError(200, ev.Data, s.requestID, s.sc)
		ev.Data = json.RawMessage(s.sc.text(string(ev.Data)))
		ev.Err = ae
		return ae
	}
	return nil
}

// decodeWithIndex decodes a tool event's object and its content_index.
func (s *AgentStream) decodeWithIndex(ev *AgentEvent, decode func(any) error, v any) error {
	if err := decode(v); err != nil {
		return err
	}
	var idx struct {
		ContentIndex int `json:"content_index"`
	}
	_ = json.Unmarshal(ev.Data, &idx)
	ev.ContentIndex = idx.ContentIndex
	return nil
}
