//go:build cgo

package analyst_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/query"
)

// cortexSQL is the statement the fake Cortex answers with, its figures written
// out by hand: the oracle of the result the stream must carry.
const cortexSQL = `SELECT region, CAST(revenue AS DECIMAL(38,2)) AS revenue FROM (VALUES ('West', 12.50), ('East', 7.25)) AS t(region, revenue) ORDER BY region`

// Cortex's events reach the caller as they arrive: the fake sends the next
// event only once the caller has seen the part of the one before. Then the SQL
// runs on the real embedded engine and its result, and the suggestions, follow;
// the answer equals the one Ask assembles from the same reply unstreamed.
func TestCortexStreamsEventsAsTheyArrive(t *testing.T) {
	eng, err := embedded.Open(context.Background(), embedded.Options{Threads: 1})
	require.NoError(t, err)
	t.Cleanup(func() { eng.Close() })
	seen := make(chan analyst.Part, 32)
	f := newFake(t)
	sqlDelta, _ := json.Marshal(map[string]any{"index": 1, "type": "sql", "statement_delta": cortexSQL,
		"confidence": map[string]any{"verified_query_used": map[string]any{"name": "regions", "question": "q", "sql": "s"}}})
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 {
			body, _ := json.Marshal(map[string]any{"request_id": "r2", "message": map[string]any{"role": "analyst", "content": []any{
				map[string]any{"type": "text", "text": "This is our interpretation: revenue by region."},
				map[string]any{"type": "sql", "statement": cortexSQL, "confidence": map[string]any{"verified_query_used": map[string]any{"name": "regions", "question": "q", "sql": "s"}}},
				map[string]any{"type": "text", "text": "Both regions sold."},
				map[string]any{"type": "suggestions", "suggestions": []string{"Revenue by month", "Top 3 reps"}},
			}}})
			writeJSON(w, 200, string(body))
			return
		}
		streamHeaders(w)
		step := func(event, data string, want analyst.PartKind) {
			sse(w, event, data)
			select {
			case p := <-seen:
				if p.Kind != want {
					t.Errorf("after the %s event the caller saw a %s part, want %s", event, p.Kind, want)
				}
			case <-time.After(time.Minute): // an event's wait, not a measure
				t.Errorf("the caller did not see the %s event before the next was sent", event)
			}
		}
		step("status", `{"status":"interpreting_question","status_message":"Interpreting question"}`, analyst.PartStatus)
		step("message.content.delta", `{"index":0,"type":"text","text_delta":"This is our interpretation: "}`, analyst.PartText)
		step("message.content.delta", `{"index":0,"type":"text","text_delta":"revenue by region."}`, analyst.PartText)
		step("status", `{"status":"generating_sql","status_message":"Generating SQL"}`, analyst.PartStatus)
		sse(w, "message.content.delta", string(sqlDelta))
		step("message.content.delta", `{"index":2,"type":"text","text_delta":"Both regions sold."}`, analyst.PartText)
		sse(w, "message.content.delta", `{"index":3,"type":"suggestions","suggestions_delta":{"index":0,"suggestion_delta":"Revenue by month"}}`)
		sse(w, "message.content.delta", `{"index":3,"type":"suggestions","suggestions_delta":{"index":1,"suggestion_delta":"Top 3 reps"}}`)
		sse(w, "response_metadata", `{"question_category":"CLEAR_SQL"}`)
		sse(w, "status", `{"status":"done","status_message":"Done"}`)
	}
	a := &analyst.Cortex{Client: f.client(t, nil), Base: analyst.Request{SemanticModelFile: stage}, Engine: eng}
	var parts []analyst.Part
	got, err := a.AskStream(context.Background(), nil, "revenue by region", func(p analyst.Part) error {
		parts = append(parts, p)
		seen <- p
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, []analyst.PartKind{analyst.PartStatus, analyst.PartText, analyst.PartText, analyst.PartStatus, analyst.PartText,
		analyst.PartSQL, analyst.PartStatus, analyst.PartResult, analyst.PartSuggestions}, kinds(parts))
	require.Equal(t, "Generating SQL", parts[3].Status)
	require.Equal(t, "\n\nBoth regions sold.", parts[4].Text, "a second text item follows the first after a blank line")
	require.Equal(t, cortexSQL, parts[5].SQL)
	require.Same(t, got.Result, parts[7].Result)

	requireCortexSQLResult(t, got.Result)

	want, err := a.Ask(context.Background(), nil, "revenue by region")
	require.NoError(t, err)
	require.Equal(t, want.Text, got.Text)
	require.Equal(t, got.Text, joined(parts))
	require.Equal(t, want.SQL, got.SQL)
	require.Equal(t, want.Result, got.Result)
	require.Equal(t, want.Suggestions, got.Suggestions)
	require.Equal(t, want.VerifiedQuery, got.VerifiedQuery)
	require.Equal(t, "regions", got.VerifiedQuery)
	require.False(t, got.Declined)
}

// requireCortexSQLResult checks a result of cortexSQL against its figures.
func requireCortexSQLResult(t *testing.T, res *query.Result) {
	t.Helper()
	require.Equal(t, []query.Column{{Name: "region", Kind: query.KindText}, {Name: "revenue", Kind: query.KindDecimal, Scale: 2}},
		onlyNameKindScale(res.Columns))
	require.Len(t, res.Rows, 2)
	require.Equal(t, "East", res.Rows[0][0])
	require.True(t, decimal.RequireFromString("7.25").Equal(res.Rows[0][1].(decimal.Decimal)))
	require.Equal(t, "West", res.Rows[1][0])
	require.True(t, decimal.RequireFromString("12.50").Equal(res.Rows[1][1].(decimal.Decimal)))
}

// onlyNameKindScale keeps what the test states of each column.
func onlyNameKindScale(cols []query.Column) []query.Column {
	out := make([]query.Column, len(cols))
	for i, c := range cols {
		out[i] = query.Column{Name: c.Name, Kind: c.Kind, Scale: c.Scale}
	}
	return out
}
