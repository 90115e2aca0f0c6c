package web

import (
	"context"
	"strings"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// FromAnalyst serves the analyst page with a, the offline analyst or Cortex
// Analyst (package analyst's one interface): each question is asked on its own,
// and its answer — the sentence, the SQL, the result table and the follow-up
// questions, or the reason it was declined — is shown as it came. The result is
// also a [Streamer]: with the script, the page shows a's parts as a emits them
// (through [analyst.AskStream], so an analyst that cannot stream still answers).
func FromAnalyst(a analyst.Analyst) Analyst { return analystAdapter{a} }

type analystAdapter struct{ a analyst.Analyst }

var _ Streamer = analystAdapter{}

func (x analystAdapter) Ask(ctx context.Context, question string) (Answer, error) {
	ans, err := x.a.Ask(ctx, nil, question)
	if err != nil {
		return Answer{}, err
	}
	return pageAnswer(ans), nil
}

func (x analystAdapter) AskStream(ctx context.Context, question string, emit func(Piece) error) (Answer, error) {
	ans, err := analyst.AskStream(ctx, x.a, nil, question, func(p analyst.Part) error {
		pc := Piece{Kind: p.Kind, Status: p.Status, Text: p.Text, SQL: p.SQL, FollowUps: p.Suggestions}
		if p.Kind == analyst.PartResult {
			pc.Table = ResultTable("answer", p.Result)
		}
		return emit(pc)
	})
	if err != nil {
		return Answer{}, err
	}
	return pageAnswer(ans), nil
}

// pageAnswer is an analyst's answer as the page shows it: a decline's reason
// follows its text when the text does not say it already.
func pageAnswer(ans *analyst.Answer) Answer {
	out := Answer{Text: ans.Text, SQL: ans.SQL, FollowUps: ans.Suggestions}
	if ans.Declined && ans.Reason != "" && !strings.Contains(ans.Text, ans.Reason) {
		out.Text = ans.Text + " " + ans.Reason
	}
	if ans.Result != nil {
		out.Table = ResultTable("answer", ans.Result)
	}
	return out
}
