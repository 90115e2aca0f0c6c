package analyst_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

const salesView = "SALES_ANALYTICS_DB.MARTS.SALES_ANALYTICS"

// A request names a semantic view, or several models of which Cortex Analyst
// picks one; the answer says which, and which verified query it used.
func TestSemanticViewRequestsAndModelSelection(t *testing.T) {
	selected := `{"request_id":"r-sel","message":{"role":"analyst","content":[
		{"type":"text","text":"Revenue by region"},
		{"type":"sql","statement":"SELECT region FROM SEMANTIC_VIEW(x)","confidence":{"verified_query_used":
			{"name":"sales by region","question":"Sales by region","sql":"SELECT 1","verified_at":1767225600,"verified_by":"salesanalytics"}}}]},
		"semantic_model_selection":{"index":1,"identifier":{"semantic_view":"` + salesView + `"}}}`
	single := `{"request_id":"r-one","message":{"role":"analyst","content":[{"type":"text","text":"ok"},
		{"type":"sql","statement":"SELECT 1","confidence":{"verified_query_used":null}}]}}`
	for _, tc := range []struct {
		name     string
		req      analyst.Request
		answer   string
		wantBody map[string]any
		wantSel  *analyst.ModelSelection
		wantVQ   string
	}{
		{
			name:     "one semantic view",
			req:      analyst.View(salesView, "Sales by region"),
			answer:   single,
			wantBody: map[string]any{"semantic_view": salesView},
		},
		{
			name: "several models",
			req: analyst.Models("Sales by region",
				analyst.ModelRef{SemanticModelFile: stage}, analyst.ModelRef{SemanticView: salesView}),
			answer: selected,
			wantBody: map[string]any{"semantic_models": []any{
				map[string]any{"semantic_model_file": stage}, map[string]any{"semantic_view": salesView}}},
			wantSel: &analyst.ModelSelection{Index: 1, Identifier: analyst.ModelRef{SemanticView: salesView}},
			wantVQ:  "sales by region",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			f.handle = func(w http.ResponseWriter, _ *http.Request, _ int) { writeJSON(w, 200, tc.answer) }
			resp, err := f.client(t, nil).Message(context.Background(), tc.req)
			require.NoError(t, err)
			body := f.body(0)
			for k, v := range tc.wantBody {
				require.Equal(t, v, body[k], k)
			}
			for _, other := range []string{"semantic_model_file", "semantic_model", "semantic_view", "semantic_models"} {
				if _, want := tc.wantBody[other]; !want {
					require.NotContains(t, body, other, "exactly one model source is sent")
				}
			}
			sel, ok := resp.SelectedModel()
			require.Equal(t, tc.wantSel != nil, ok)
			if tc.wantSel != nil {
				require.Equal(t, *tc.wantSel, sel)
			}
			if tc.wantVQ == "" {
				require.Nil(t, resp.VerifiedQueryUsed())
			} else {
				vq := resp.VerifiedQueryUsed()
				require.Equal(t, tc.wantVQ, vq.Name)
				require.Equal(t, "salesanalytics", vq.VerifiedBy)
			}
		})
	}
}

// A streamed answer carries the selection in response_metadata; the Cortex
// analyst reports the selected model on its Answer (here a decline: no SQL).
func TestCortexAnswerReportsTheSelectedModel(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, _ *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"Which region do you mean?"}`)
		sse(w, "response_metadata", `{"semantic_model_selection":{"index":0,"identifier":{"semantic_view":"`+salesView+`"}}}`)
		sse(w, "status", `{"status":"done"}`)
	}
	base := analyst.Models("", analyst.ModelRef{SemanticView: salesView}, analyst.ModelRef{SemanticModelFile: stage})
	base.Stream = true
	a := &analyst.Cortex{Client: f.client(t, nil), Base: base, Engine: refusingRunner{t}}
	ans, err := a.AskStream(context.Background(), nil, "revenue?", func(analyst.Part) error { return nil })
	require.NoError(t, err)
	require.True(t, ans.Declined)
	require.Equal(t, analyst.ModelRef{SemanticView: salesView}, ans.Model)
	require.Equal(t, salesView, ans.Model.String())

	// Asked of one view, the answer's model is that view.
	f.handle = func(w http.ResponseWriter, _ *http.Request, _ int) {
		writeJSON(w, 200, `{"request_id":"r","message":{"role":"analyst","content":[{"type":"text","text":"Which year?"}]}}`)
	}
	one := &analyst.Cortex{Client: f.client(t, nil), Base: analyst.View(salesView, ""), Engine: refusingRunner{t}}
	ans, err = one.Ask(context.Background(), nil, "revenue?")
	require.NoError(t, err)
	require.Equal(t, analyst.ModelRef{SemanticView: salesView}, ans.Model)
}
