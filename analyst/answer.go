package analyst

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"

	"github.com/salesanalytics/salesanalytics/query"
)

// Analyst answers questions about sales in natural language. The Cortex Analyst
// client ([Cortex]) and the offline analyst (package analyst/offline) both
// implement it, so a program or a web page can use either.
//
// history holds the earlier answers of the conversation, oldest first (each
// carries its question); nil asks a fresh question. A question the analyst cannot
// answer is a declined [*Answer], not an error: errors are failures (network,
// database, a cancelled context).
type Analyst interface {
	Ask(ctx context.Context, history []*Answer, question string) (*Answer, error)
}

// Answer is an analyst's reply: a sentence carrying the numbers, the SQL that
// produced them, the typed result table and follow-up suggestions — or a plain
// decline with its reason and questions that can be answered.
type Answer struct {
	// Question is what was asked.
	Question string
	// Text is the answer in words, with the figures; for a decline, what was not
	// understood.
	Text string
	// SQL is the statement that ran (with ? placeholders), and Args its bound
	// values. Empty when declined.
	SQL  string
	Args []any
	// Result is the typed result table: decimals exact, counts int64, dates
	// time.Time. Nil when declined.
	Result *query.Result
	// Suggestions are follow-up questions (or, when declined, questions the
	// analyst can answer).
	Suggestions []string
	// Declined is true when the analyst would not or could not answer; Reason
	// says why in one sentence.
	Declined bool
	Reason   string
	// Request is the typed semantic request the offline analyst resolved the
	// question into (nil from Cortex Analyst); a follow-up builds on it.
	Request *query.Request
	// VerifiedQuery names the model's verified query the answer came from, if any.
	VerifiedQuery string
	// Model is the semantic view or staged model Cortex Analyst answered from:
	// the one it selected when asked of several (zero offline or inline).
	Model ModelRef
	// Message is the analyst turn as Cortex Analyst returned it (nil offline); it
	// is sent back as history.
	Message *Message
	// State is the analyst's own reading of the question, opaque to callers; a
	// follow-up question builds on it.
	State any
}

// answerJSON is the one-object shape of an answer (issue 13): decimals as strings,
// counts as numbers, dates as YYYY-MM-DD.
type answerJSON struct {
	Question    string            `json:"question"`
	Answer      string            `json:"answer"`
	SQL         string            `json:"sql"`
	Columns     []columnJSON      `json:"columns"`
	Rows        []json.RawMessage `json:"rows"`
	Suggestions []string          `json:"suggestions"`
	Declined    bool              `json:"declined"`
	Reason      string            `json:"reason"`
}

type columnJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// MarshalJSON writes {"question", "answer", "sql", "columns": [{"name", "kind"}],
// "rows": [[…]], "suggestions", "declined", "reason"}: counts as JSON numbers,
// decimals as strings with their scale ("1234.50"), dates as "YYYY-MM-DD". Lists
// are never null.
func (a *Answer) MarshalJSON() ([]byte, error) {
	out := answerJSON{
		Question: a.Question, Answer: a.Text, SQL: a.SQL, Declined: a.Declined, Reason: a.Reason,
		Columns: []columnJSON{}, Rows: []json.RawMessage{}, Suggestions: a.Suggestions,
	}
	if out.Suggestions == nil {
		out.Suggestions = []string{}
	}
	if a.Result != nil {
		for _, c := range a.Result.Columns {
			out.Columns = append(out.Columns, columnJSON{Name: c.Name, Kind: string(c.Kind)})
		}
		for _, row := range a.Result.Rows {
			var b bytes.Buffer
			b.WriteByte('[')
			for j, c := range a.Result.Columns {
				if j > 0 {
					b.WriteByte(',')
				}
				v, err := c.MarshalValue(row[j])
				if err != nil {
					return nil, err
				}
				b.Write(v)
			}
			b.WriteByte(']')
			out.Rows = append(out.Rows, b.Bytes())
		}
	}
	return json.Marshal(out)
}

// Session is a conversation with an [Analyst]: it keeps the answers so far and
// sends them as history with each question. It is safe for concurrent use; the
// questions of one session are answered one at a time.
type Session struct {
	Analyst Analyst
	// MaxTurns caps the history sent, oldest dropped first. Zero means no cap.
	MaxTurns int

	mu      sync.Mutex
	history []*Answer
}

// Ask answers question in the context of the session's earlier answers and
// records the answer (a decline too). A failed question is not recorded.
func (s *Session) Ask(ctx context.Context, question string) (*Answer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.history
	if s.MaxTurns > 0 && len(h) > s.MaxTurns {
		h = h[len(h)-s.MaxTurns:]
	}
	a, err := s.Analyst.Ask(ctx, append([]*Answer(nil), h...), question)
	if err != nil {
		return nil, err
	}
	s.history = append(s.history, a)
	return a, nil
}

// History returns the answers so far, oldest first.
func (s *Session) History() []*Answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Answer(nil), s.history...)
}

// Reset forgets the conversation.
func (s *Session) Reset() {
	s.mu.Lock()
	s.history = nil
	s.mu.Unlock()
}
