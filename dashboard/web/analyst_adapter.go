package web

import (
	"context"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// FromAnalyst serves the analyst page with a, the offline analyst or Cortex
// Analyst (package analyst's one interface): each question is asked on its own,
// and its answer — the sentence, the SQL, the result table and the follow-up
// questions, or the reason it was declined — is shown as it came.
func FromAnalyst(a analyst.Analyst) Analyst { return analystAdapter{a} }

type analystAdapter struct{ a analyst.Analyst }

func (x analystAdapter) Ask(ctx context.Context, question string) (Answer, error) {
	ans, err := x.a.Ask(ctx, nil, question)
	if err != nil {
		return Answer{}, err
	}
	out := Answer{Text: ans.Text, SQL: ans.SQL, FollowUps: ans.Suggestions}
	if ans.Declined && ans.Reason != "" && ans.Reason != ans.Text {
		out.Text = ans.Text + " " + ans.Reason
	}
	if ans.Result != nil {
		out.Table = ResultTable("answer", ans.Result)
	}
	return out, nil
}
