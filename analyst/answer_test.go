package analyst_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

func TestAnswerJSONIsOneObjectOfTheIssueShape(t *testing.T) {
	t.Parallel()
	a := &analyst.Answer{
		Question: "revenue by month", Text: "…", SQL: "SELECT 1",
		Result: &query.Result{
			Columns: []query.Column{{Name: "order_date_month", Kind: query.KindDate}, {Name: "orders", Kind: query.KindInt}, {Name: "revenue", Kind: query.KindDecimal, Scale: 2}},
			Rows:    []query.Row{{time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), int64(4188), decimal.RequireFromString("16421224.5")}, {nil, int64(0), nil}},
		},
	}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.JSONEq(t, `{"question":"revenue by month","answer":"…","sql":"SELECT 1",
		"columns":[{"name":"order_date_month","kind":"date"},{"name":"orders","kind":"int"},{"name":"revenue","kind":"decimal"}],
		"rows":[["2025-12-01",4188,"16421224.50"],[null,0,null]],
		"suggestions":[],"declined":false,"reason":""}`, string(b))

	b, err = json.Marshal(&analyst.Answer{Question: "profit?", Declined: true, Reason: "no cost data", Suggestions: []string{"Sales by region"}})
	require.NoError(t, err)
	require.JSONEq(t, `{"question":"profit?","answer":"","sql":"","columns":[],"rows":[],"suggestions":["Sales by region"],"declined":true,"reason":"no cost data"}`, string(b))
}

// scripted answers each question with the question count, remembering the
// history it was given.
type scripted struct{ histories [][]string }

func (s *scripted) Ask(_ context.Context, history []*analyst.Answer, q string) (*analyst.Answer, error) {
	var h []string
	for _, a := range history {
		h = append(h, a.Question)
	}
	s.histories = append(s.histories, h)
	if q == "fail" {
		return nil, fmt.Errorf("boom")
	}
	return &analyst.Answer{Question: q}, nil
}

func TestSessionSendsHistoryAndDropsFailures(t *testing.T) {
	t.Parallel()
	sc := &scripted{}
	s := &analyst.Session{Analyst: sc, MaxTurns: 2}
	ctx := context.Background()
	for _, q := range []string{"a", "b", "fail", "c", "d"} {
		_, err := s.Ask(ctx, q)
		require.Equal(t, q == "fail", err != nil)
	}
	require.Equal(t, [][]string{nil, {"a"}, {"a", "b"}, {"a", "b"}, {"b", "c"}}, sc.histories)
	require.Len(t, s.History(), 4)
	s.Reset()
	require.Empty(t, s.History())
}

func TestCortexAsAnAnalyst(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		switch n {
		case 1:
			writeJSON(w, 200, `{"request_id":"r1","message":{"role":"analyst","content":[{"type":"text","text":"Which year do you mean?"},{"type":"suggestions","suggestions":["Revenue in 2025"]}]}}`)
		default:
			writeJSON(w, 200, `{"request_id":"r2","message":{"role":"analyst","content":[{"type":"text","text":"Here you go"},{"type":"sql","statement":"DELETE FROM orders"}]}}`)
		}
	}
	a := &analyst.Cortex{Client: f.client(t, nil), Base: analyst.Request{SemanticModelFile: stage}, Engine: refusingRunner{t}}
	s := &analyst.Session{Analyst: a}
	ctx := context.Background()
	ans, err := s.Ask(ctx, "revenue in the year")
	require.NoError(t, err)
	require.True(t, ans.Declined, "no SQL is a decline")
	require.Equal(t, "Which year do you mean?", ans.Text)
	require.Equal(t, []string{"Revenue in 2025"}, ans.Suggestions)

	_, err = s.Ask(ctx, "revenue in 2025")
	require.ErrorIs(t, err, analyst.ErrNotReadOnly, "Cortex's SQL goes through the guard before it runs")
	msgs := f.body(1)["messages"].([]any)
	var roles []string
	for _, m := range msgs {
		roles = append(roles, m.(map[string]any)["role"].(string))
	}
	require.Equal(t, []string{"user", "analyst", "user"}, roles, "the history is sent back, Cortex's own turn as received")
}

// refusingRunner is the Snowflake dialect for the guard; reaching the engine is
// a test failure, since the guard must refuse first.
type refusingRunner struct{ t *testing.T }

func (refusingRunner) Dialect() dialect.Dialect { return dialect.Snowflake }

func (r refusingRunner) RunReadOnly(context.Context, string, int) (*query.Result, error) {
	r.t.Error("the guard let SQL through to the engine")
	return nil, errors.New("unreachable")
}
