package analyst

import (
	"context"
	"fmt"
	"strings"
)

// Cortex is the Cortex Analyst client as an [Analyst]: it sends the question
// with the history, runs the returned SQL through [Execute] (the read-only guard,
// bounded rows and time, exact decimals) and answers with the text, SQL, result
// and suggestions. An answer without SQL (Cortex asks for clarification or
// cannot answer) is a decline carrying Cortex's text and suggestions.
type Cortex struct {
	Client *Client
	// Base carries the model source and Stream; its Messages are ignored.
	Base Request
	// Engine runs the SQL, confined to one read-only query (the Snowflake
	// engine implements ReadOnlyRunner). Required.
	Engine ReadOnlyRunner
	Exec   ExecOptions
}

var _ Analyst = (*Cortex)(nil)

var _ Streamer = (*Cortex)(nil)

// Ask implements [Analyst].
func (c *Cortex) Ask(ctx context.Context, history []*Answer, question string) (*Answer, error) {
	req, err := c.request(history, question)
	if err != nil {
		return nil, err
	}
	resp, err := c.Client.Message(ctx, req)
	if err != nil {
		return nil, err
	}
	return c.answer(ctx, question, resp, resp.Text(), func(Part) error { return nil })
}

// AskStream implements [Streamer]: it asks Cortex Analyst for a streamed answer
// and passes its events on as they arrive — each status change, each piece of
// text — then, once the stream is done, the SQL, the result of running it and
// the suggestions. Text items are joined in the order they stream, a blank line
// between two items (the answer's Text is that join; Cortex sends them in order).
func (c *Cortex) AskStream(ctx context.Context, history []*Answer, question string, emit func(Part) error) (*Answer, error) {
	req, err := c.request(history, question)
	if err != nil {
		return nil, err
	}
	s, err := c.Client.Stream(ctx, req)
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
		case ev.Type == "status" && ev.Status != "done" && ev.Status != "":
			p = Part{Kind: PartStatus, Status: statusText(ev.Status, ev.StatusMessage)}
		case ev.Delta != nil && ev.Delta.Type == ContentText && ev.Delta.TextDelta != "":
			p = Part{Kind: PartText, Text: text.add(ev.Delta.Index, ev.Delta.TextDelta)}
		default:
			continue
		}
		if err := emit(p); err != nil {
			return nil, err
		}
	}
	return c.answer(ctx, question, s.Response(), text.String(), emit)
}

// request is the question with the history, as Cortex Analyst takes it.
func (c *Cortex) request(history []*Answer, question string) (Request, error) {
	if question == "" {
		return Request{}, fmt.Errorf("%w: an empty question", ErrInvalidRequest)
	}
	req := c.Base
	req.Messages = nil
	for _, a := range history {
		req.Messages = append(req.Messages, Text(a.Question), analystTurn(a))
	}
	req.Messages = append(req.Messages, Text(question))
	return req, nil
}

// answer turns Cortex's response into an Answer, running its SQL; emit receives
// the SQL before it runs, the result and the suggestions (text is the caller's).
func (c *Cortex) answer(ctx context.Context, question string, resp *Response, text string, emit func(Part) error) (*Answer, error) {
	msg := resp.Message
	a := &Answer{Question: question, Text: text, Suggestions: resp.Suggestions(), Message: &msg}
	if vq := resp.VerifiedQueryUsed(); vq != nil {
		a.VerifiedQuery = vq.Name
	}
	a.Model = c.modelOf(resp)
	sql, ok := resp.SQL()
	if !ok {
		sql = ""
	}
	if err := runAnswer(ctx, c.Engine, c.Exec, a, sql, "Cortex Analyst", emit); err != nil {
		return nil, err
	}
	return a, nil
}

// runAnswer completes a with the SQL an analyst service returned: it emits the
// SQL, runs it through [Execute] (the read-only guard, bounded rows and time,
// exact decimals) and emits the result, then the suggestions. Without SQL the
// answer is a decline naming service.
func runAnswer(ctx context.Context, eng ReadOnlyRunner, exec ExecOptions, a *Answer, sql, service string, emit func(Part) error) error {
	if sql == "" {
		a.Declined = true
		a.Reason = service + " returned no SQL for this question"
	} else {
		if err := emit(Part{Kind: PartSQL, SQL: sql}); err != nil {
			return err
		}
		if err := emit(Part{Kind: PartStatus, Status: "Running the query"}); err != nil {
			return err
		}
		res, err := Execute(ctx, eng, sql, exec)
		if err != nil {
			return err
		}
		a.SQL, a.Result = sql, res
		if err := emit(Part{Kind: PartResult, Result: res}); err != nil {
			return err
		}
	}
	if len(a.Suggestions) > 0 {
		return emit(Part{Kind: PartSuggestions, Suggestions: a.Suggestions})
	}
	return nil
}

// modelOf is the model the answer came from: the one Cortex selected among
// several, else the request's only source when it names one by name.
func (c *Cortex) modelOf(resp *Response) ModelRef {
	if sel, ok := resp.SelectedModel(); ok {
		return sel.Identifier
	}
	return ModelRef{SemanticModelFile: c.Base.SemanticModelFile, SemanticView: c.Base.SemanticView}
}

// statusWords are the documented statuses in words, for events without a
// status_message.
var statusWords = map[string]string{
	"interpreting_question":  "Interpreting the question",
	"generating_sql":         "Generating SQL",
	"validating_sql":         "Validating SQL",
	"generating_suggestions": "Generating suggestions",
}

// statusText is a status event as a person reads it: Cortex's own message, or
// its status in words ("generating_sql" → "Generating SQL"; an undocumented
// "reading_model" → "Reading model").
func statusText(status, message string) string {
	if message != "" {
		return message
	}
	if w, ok := statusWords[status]; ok {
		return w
	}
	s := strings.ReplaceAll(status, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// analystTurn is the analyst message an earlier answer is sent back as: Cortex's
// own message when it has one, else its text and SQL.
func analystTurn(a *Answer) Message {
	if a.Message != nil {
		return *a.Message
	}
	m := Message{Role: RoleAnalyst, Content: []Content{{Type: ContentText, Text: a.Text}}}
	if a.SQL != "" {
		m.Content = append(m.Content, Content{Type: ContentSQL, Statement: a.SQL})
	}
	return m
}
