package analyst

import (
	"context"
	"fmt"
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

// Ask implements [Analyst].
func (c *Cortex) Ask(ctx context.Context, history []*Answer, question string) (*Answer, error) {
	if question == "" {
		return nil, fmt.Errorf("%w: an empty question", ErrInvalidRequest)
	}
	req := c.Base
	req.Messages = nil
	for _, a := range history {
		req.Messages = append(req.Messages, Text(a.Question), analystTurn(a))
	}
	req.Messages = append(req.Messages, Text(question))
	resp, err := c.Client.Message(ctx, req)
	if err != nil {
		return nil, err
	}
	msg := resp.Message
	a := &Answer{Question: question, Text: resp.Text(), Suggestions: resp.Suggestions(), Message: &msg}
	if vq := resp.VerifiedQueryUsed(); vq != nil {
		a.VerifiedQuery = vq.Name
	}
	sql, ok := resp.SQL()
	if !ok {
		a.Declined = true
		a.Reason = "Cortex Analyst returned no SQL for this question"
		return a, nil
	}
	res, err := Execute(ctx, c.Engine, sql, c.Exec)
	if err != nil {
		return nil, err
	}
	a.SQL, a.Result = sql, res
	return a, nil
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
