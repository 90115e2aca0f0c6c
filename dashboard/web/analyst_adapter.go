package web

import (
	"context"
	"strings"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// FromAnalyst serves the analyst page with a, the offline analyst or Cortex
// Analyst (package analyst's one interface). The page keeps a conversation: each
// question is asked with the answers before it as history, so "and in 2024?"
// edits the last question; an analyst that is an [analyst.Scoper] (the offline
// one) also keeps the filter of the dashboard page the analyst was opened from.
// An answer — the sentence, the SQL, the result table with a chart when it has
// a time grain or a ranking, the follow-up questions, or a decline and its
// reason — is shown as it came. The result is also a [Streamer]: with the
// script, the page shows a's parts as a emits them (through
// [analyst.AskStream], so an analyst that cannot stream still answers).
func FromAnalyst(a analyst.Analyst) Analyst { return analystAdapter{a} }

type analystAdapter struct{ a analyst.Analyst }

var (
	_ Streamer   = analystAdapter{}
	_ conversant = analystAdapter{}
)

func (x analystAdapter) Ask(ctx context.Context, question string) (Answer, error) {
	ans, err := x.a.Ask(ctx, nil, question)
	if err != nil {
		return Answer{}, err
	}
	return pageAnswer(ans), nil
}

func (x analystAdapter) AskStream(ctx context.Context, question string, emit func(Piece) error) (Answer, error) {
	ans, err := askStream(ctx, x.a, nil, question, emit)
	if err != nil {
		return Answer{}, err
	}
	return pageAnswer(ans), nil
}

// askStream asks a question with history, emitting its parts as pieces.
func askStream(ctx context.Context, a analyst.Analyst, history []*analyst.Answer, question string, emit func(Piece) error) (*analyst.Answer, error) {
	return analyst.AskStream(ctx, a, history, question, func(p analyst.Part) error {
		pc := Piece{Kind: p.Kind, Status: p.Status, Text: p.Text, SQL: p.SQL, Args: p.Args, FollowUps: p.Suggestions}
		if p.Kind == analyst.PartResult {
			pc.Table = ResultTable("answer", p.Result)
		}
		return emit(pc)
	})
}

// keeps reports whether the analyst can keep a scope on its answers.
func (x analystAdapter) keeps() bool {
	_, ok := x.a.(analyst.Scoper)
	return ok
}

// starters are the analyst's own questions for someone starting, when it has
// them (the offline analyst's come from the model).
func (x analystAdapter) starters() []string {
	if s, ok := x.a.(interface{ Starters() []string }); ok {
		return s.Starters()
	}
	return nil
}

// converse asks turns in order, each with the answers before it as history,
// within scope when the analyst keeps one; the last is streamed to emit when
// emit is not nil. It returns the answers up to the first failure, and that
// failure.
func (x analystAdapter) converse(ctx context.Context, scope analyst.Scope, turns []string, emit func(Piece) error) ([]Answer, error) {
	a := x.a
	if sc, ok := a.(analyst.Scoper); ok && !scope.Empty() {
		var err error
		if a, err = sc.Scoped(scope); err != nil {
			return nil, BadRequest("The analyst cannot keep this filter: "+strings.TrimPrefix(err.Error(), "offline: scope: ")+".", err)
		}
	}
	var history []*analyst.Answer
	var out []Answer
	for i, q := range turns {
		var ans *analyst.Answer
		var err error
		if i == len(turns)-1 && emit != nil {
			ans, err = askStream(ctx, a, history, q, emit)
		} else {
			ans, err = a.Ask(ctx, history, q)
		}
		if err != nil {
			return out, err
		}
		history = append(history, ans)
		out = append(out, pageAnswer(ans))
	}
	return out, nil
}

// pageAnswer is an analyst's answer as the page shows it: a decline with its
// reason, or the figures with a chart when the answer has a time grain or a
// ranking.
func pageAnswer(ans *analyst.Answer) Answer {
	out := Answer{Text: ans.Text, SQL: ans.SQL, Args: ans.Args, FollowUps: ans.Suggestions, Declined: ans.Declined, Reason: ans.Reason}
	if ans.Declined {
		// The page says the reason first; the text is what else the analyst
		// said, unless that is only the suggestions, which the page links.
		out.Text = strings.TrimSpace(strings.TrimPrefix(ans.Text, ans.Reason))
		if len(ans.Suggestions) > 0 && allIn(ans.Suggestions, out.Text) {
			out.Text = ""
		}
	}
	if ans.Result != nil {
		out.Table = ResultTable("answer", ans.Result)
		out.Chart = answerChart(ans.Request, ans.Result)
	}
	return out
}

// allIn reports whether every one of qs is said in text.
func allIn(qs []string, text string) bool {
	for _, q := range qs {
		if !strings.Contains(text, q) {
			return false
		}
	}
	return true
}
