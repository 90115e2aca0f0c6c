package analyst

import (
	"context"
	"fmt"

	"github.com/salesanalytics/salesanalytics/query"
)

// PartKind is what a [Part] of a streamed answer carries.
type PartKind string

// The kinds of part, in the order an answer usually streams them. Status parts
// may come at any point; the others come at most once each, except text.
const (
	// PartStatus says what the analyst is doing ("Interpreting the question",
	// "Running the query"); progress only, not part of the answer.
	PartStatus PartKind = "status"
	// PartText is a piece of the answer's sentence, to be appended to the pieces
	// before it.
	PartText PartKind = "text"
	// PartSQL is the statement, whole, once it is known (before it runs), with
	// its bound values.
	PartSQL PartKind = "sql"
	// PartResult is the executed result table.
	PartResult PartKind = "result"
	// PartSuggestions are the follow-up questions, the whole list.
	PartSuggestions PartKind = "suggestions"
)

// Valid reports whether k is one of the kinds above.
func (k PartKind) Valid() bool {
	switch k {
	case PartStatus, PartText, PartSQL, PartResult, PartSuggestions:
		return true
	}
	return false
}

// Part is one step of a streamed answer: the field its Kind names is set.
type Part struct {
	Kind PartKind
	// Status, for PartStatus: a short sentence for a person.
	Status string
	// Text, for PartText: the next piece of the sentence.
	Text string
	// SQL and Args, for PartSQL.
	SQL  string
	Args []any
	// Result, for PartResult.
	Result *query.Result
	// Suggestions, for PartSuggestions.
	Suggestions []string
}

// Streamer is an [Analyst] that can also stream its answer: AskStream answers
// as Ask does and, while it works, calls emit with each part as soon as it is
// known — what it is doing, the sentence in pieces, the SQL before it runs, the
// result table, the suggestions.
//
// emit (not nil) is called on the caller's goroutine, one part at a time, in
// order; an error from emit stops the work and AskStream returns it. The parts
// carry the returned answer: the text pieces joined are its Text (a decline's
// too), the SQL part its SQL and Args, the result part its Result, the
// suggestions part its Suggestions. Cortex Analyst and the offline analyst
// implement it; use [AskStream] to stream from any Analyst.
type Streamer interface {
	Analyst
	AskStream(ctx context.Context, history []*Answer, question string, emit func(Part) error) (*Answer, error)
}

// AskStream asks a the question and calls emit with the answer's parts as they are
// known: through a's AskStream when a is a [Streamer], else by asking and then
// emitting the finished answer's parts (text, SQL, result, suggestions). It
// returns the answer as Ask does. A nil emit discards the parts.
func AskStream(ctx context.Context, a Analyst, history []*Answer, question string, emit func(Part) error) (*Answer, error) {
	if emit == nil {
		emit = func(Part) error { return nil }
	}
	if s, ok := a.(Streamer); ok {
		return s.AskStream(ctx, history, question, emit)
	}
	ans, err := a.Ask(ctx, history, question)
	if err != nil {
		return nil, err
	}
	if err := emitAnswer(ans, emit); err != nil {
		return nil, err
	}
	return ans, nil
}

// emitAnswer calls emit with the parts of a finished answer, in the order a
// stream would bring them: the text, the SQL, the result and the suggestions,
// each only when the answer has it. It stops at emit's first error.
func emitAnswer(ans *Answer, emit func(Part) error) error {
	if ans == nil {
		return fmt.Errorf("%w: no answer to emit", ErrInvalidRequest)
	}
	parts := []Part{}
	if ans.Text != "" {
		parts = append(parts, Part{Kind: PartText, Text: ans.Text})
	}
	if ans.SQL != "" {
		parts = append(parts, Part{Kind: PartSQL, SQL: ans.SQL, Args: ans.Args})
	}
	if ans.Result != nil {
		parts = append(parts, Part{Kind: PartResult, Result: ans.Result})
	}
	if len(ans.Suggestions) > 0 {
		parts = append(parts, Part{Kind: PartSuggestions, Suggestions: ans.Suggestions})
	}
	for _, p := range parts {
		if err := emit(p); err != nil {
			return err
		}
	}
	return nil
}
