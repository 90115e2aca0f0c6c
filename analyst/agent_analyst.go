package analyst

import (
	"context"
	"fmt"
	"strings"
)

// Agent is a Cortex Agents client as an [Analyst] and a [Streamer]: it asks an
// agent — an agent object, or a run configured by Base such as
// [AnalystAgent]'s Cortex Analyst tool over a semantic view — and answers with
// the agent's text, and the SQL of its last Cortex Analyst tool call run
// through [Execute] (the same read-only guard, bounds and exact decimals as
// [Cortex]; the figures the server computed are not taken). An answer without
// Cortex Analyst SQL is a decline carrying the agent's text and Cortex
// Analyst's suggestions.
//
// The conversation is sent as history (user and assistant turns) or, with
// Threads, kept in a Cortex Agents thread: the first question creates one and
// each follow-up names the thread and the previous answer's message.
type Agent struct {
	Client *Client
	// Object names the agent object to run; zero runs with Base's configuration.
	Object AgentObject
	// Base carries the run's configuration (tools, tool resources, instructions,
	// models, orchestration, tool choice); its messages and thread fields are
	// ignored.
	Base AgentRequest
	// Engine runs the SQL, confined to one read-only query. Required.
	Engine ReadOnlyRunner
	Exec   ExecOptions
	// Threads keeps the conversation in a server-side thread, created with
	// OriginApplication (at most 16 bytes).
	Threads           bool
	OriginApplication string
}

var _ Streamer = (*Agent)(nil)

// agentTurn is an answer's State: the assistant message as the agent wrote it
// (sent back as history) and, in a thread, where it is.
type agentTurn struct {
	msg         AgentMessage
	threadID    int64
	assistantID int64
}

// Ask implements [Analyst]. It streams the run, as AskStream does, so that a
// long run is not cut by the wait for a non-streamed answer's headers.
func (a *Agent) Ask(ctx context.Context, history []*Answer, question string) (*Answer, error) {
	return a.AskStream(ctx, history, question, nil)
}

// AskStream implements [Streamer]: it passes the agent's status changes, the
// tool's progress and the text deltas on as they arrive, then — once the
// response event has come — the SQL, the result of running it, and the
// suggestions. Text items are joined as [Cortex] joins them; when no delta came,
// the response's text is emitted whole.
func (a *Agent) AskStream(ctx context.Context, history []*Answer, question string, emit func(Part) error) (*Answer, error) {
	if emit == nil {
		emit = func(Part) error { return nil }
	}
	req, err := a.request(ctx, history, question)
	if err != nil {
		return nil, err
	}
	s, err := a.Client.StreamAgent(ctx, a.Object, req)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var text textJoin
	for ev, err := range s.Events() {
		if err != nil {
			return nil, err
		}
		var p Part
		switch {
		case (ev.Type == AgentEventStatus || ev.Type == AgentEventToolResultStatus) && (ev.Message != "" || ev.Status != ""):
			p = Part{Kind: PartStatus, Status: statusText(ev.Status, ev.Message)}
		case ev.Type == AgentEventTextDelta && ev.Text != "":
			p = Part{Kind: PartText, Text: text.add(ev.ContentIndex, ev.Text)}
		default:
			continue
		}
		if err := emit(p); err != nil {
			return nil, err
		}
	}
	resp := s.Response()
	if text.String() == "" && resp != nil && resp.Text() != "" {
		// no text deltas came: the response event's text is the sentence
		if err := emit(Part{Kind: PartText, Text: text.add(0, resp.Text())}); err != nil {
			return nil, err
		}
	}
	return a.answer(ctx, question, req, resp, text.String(), emit)
}

// request is the question with its history, or in a thread with the thread's
// place, on Base's configuration.
func (a *Agent) request(ctx context.Context, history []*Answer, question string) (AgentRequest, error) {
	if question == "" {
		return AgentRequest{}, fmt.Errorf("%w: an empty question", ErrInvalidRequest)
	}
	req := a.Base
	req.Messages, req.ThreadID, req.ParentMessageID = nil, nil, nil
	ask := agentText(AgentRoleUser, question)
	if a.Threads {
		thread, parent := int64(0), int64(0)
		if len(history) > 0 {
			if t, ok := history[len(history)-1].State.(*agentTurn); ok && t.threadID > 0 {
				thread, parent = t.threadID, t.assistantID
			}
		}
		if thread == 0 {
			t, err := a.Client.CreateThread(ctx, a.OriginApplication)
			if err != nil {
				return AgentRequest{}, err
			}
			thread = t.ThreadID
		}
		req.ThreadID, req.ParentMessageID, req.Messages = &thread, &parent, []AgentMessage{ask}
		return req, nil
	}
	for _, h := range history {
		req.Messages = append(req.Messages, agentText(AgentRoleUser, h.Question), assistantTurn(h))
	}
	req.Messages = append(req.Messages, ask)
	return req, nil
}

func agentText(role, text string) AgentMessage {
	return AgentMessage{Role: role, Content: []AgentContent{{Type: AgentContentText, Text: text}}}
}

// assistantTurn is the assistant message an earlier answer is sent back as:
// the agent's own, else the answer's text.
func assistantTurn(h *Answer) AgentMessage {
	if t, ok := h.State.(*agentTurn); ok {
		return t.msg
	}
	text := h.Text
	if text == "" {
		text = h.Reason
	}
	return agentText(AgentRoleAssistant, text)
}

// answer turns the agent's response into an Answer, running the SQL of its
// Cortex Analyst tool call.
func (a *Agent) answer(ctx context.Context, question string, req AgentRequest, resp *AgentResponse, text string, emit func(Part) error) (*Answer, error) {
	if resp == nil {
		return nil, fmt.Errorf("%w: no response event", ErrStreamInterrupted)
	}
	if resp.Status != "" && resp.Status != "completed" {
		return nil, fmt.Errorf("%w: the agent run ended %s", ErrStreamInterrupted, clip(resp.Status, 32))
	}
	turn := &agentTurn{msg: AgentMessage{Role: AgentRoleAssistant, Content: resp.Content},
		threadID: resp.Metadata.ThreadID, assistantID: resp.Metadata.AssistantMessageID}
	if req.ThreadID != nil && turn.threadID == 0 {
		turn.threadID = *req.ThreadID
	}
	ans := &Answer{Question: question, Text: text, State: turn}
	res, _ := resp.AnalystResult()
	ans.Suggestions, ans.VerifiedQuery = res.Suggestions, res.VerifiedQuery
	if err := runAnswer(ctx, a.Engine, a.Exec, ans, res.SQL, "Cortex Agents", emit); err != nil {
		return nil, err
	}
	return ans, nil
}

// textJoin joins streamed text items in order, a blank line between two items.
type textJoin struct {
	b    strings.Builder
	last int
	any  bool
}

// add appends the piece of item index and returns it as it is to be shown: with
// the blank line before it when it starts a new item.
func (t *textJoin) add(index int, piece string) string {
	if t.any && index != t.last {
		piece = "\n\n" + piece
	}
	t.last, t.any = index, true
	t.b.WriteString(piece)
	return piece
}

// String is the text joined so far.
func (t *textJoin) String() string { return t.b.String() }
