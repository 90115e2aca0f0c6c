package analyst

import (
	"context"
	"fmt"
	"sync"
)

// Conversation keeps a multi-turn exchange with the analyst: it sends the whole
// history with every question (the API is stateless) and keeps the turns
// alternating — a question that fails is taken back, so the next one does not
// follow another user turn (the API's "Role must change after every message").
type Conversation struct {
	Client *Client
	// Base carries the model source (file, inline model, view or models) and
	// Stream; its Messages are ignored.
	Base Request
	// MaxTurns caps the history sent, in question-answer pairs, oldest dropped
	// first. Zero means no cap.
	MaxTurns int

	mu      sync.Mutex
	history []Message
}

// Ask sends question with the history and records the answer.
func (c *Conversation) Ask(ctx context.Context, question string) (*Response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if question == "" {
		return nil, fmt.Errorf("%w: an empty question", ErrInvalidRequest)
	}
	if c.Client == nil {
		return nil, fmt.Errorf("%w: the conversation has no Client", ErrInvalidRequest)
	}
	msgs := append(c.trimmed(), Text(question))
	req := c.Base
	req.Messages = msgs
	resp, err := c.Client.Message(ctx, req)
	if err != nil {
		return nil, err // the question is not kept: the turns stay alternating
	}
	c.history = append(msgs, resp.Message)
	return resp, nil
}

// History returns a copy of the turns so far.
func (c *Conversation) History() []Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Message(nil), c.history...)
}

// Reset forgets the history: start over after the topic changes.
func (c *Conversation) Reset() {
	c.mu.Lock()
	c.history = nil
	c.mu.Unlock()
}

func (c *Conversation) trimmed() []Message {
	h := c.history
	if c.MaxTurns > 0 && len(h) > 2*c.MaxTurns {
		h = h[len(h)-2*c.MaxTurns:]
	}
	return append([]Message(nil), h...)
}
