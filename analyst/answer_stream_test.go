package analyst_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/query"
)

// collect returns an emit that records the parts, and the record.
func collect() (func(analyst.Part) error, *[]analyst.Part) {
	var parts []analyst.Part
	return func(p analyst.Part) error {
		if !p.Kind.Valid() {
			return errors.New("invalid part kind " + string(p.Kind))
		}
		parts = append(parts, p)
		return nil
	}, &parts
}

// kinds lists the parts' kinds.
func kinds(parts []analyst.Part) []analyst.PartKind {
	out := make([]analyst.PartKind, len(parts))
	for i, p := range parts {
		out[i] = p.Kind
	}
	return out
}

// joined is the text parts joined, as a reader of the stream sees the sentence.
func joined(parts []analyst.Part) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Kind == analyst.PartText {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// plainAnalyst answers without streaming, to test AskStream's fallback.
type plainAnalyst struct{ ans *analyst.Answer }

func (p plainAnalyst) Ask(context.Context, []*analyst.Answer, string) (*analyst.Answer, error) {
	return p.ans, nil
}

func TestAskStreamFallsBackToTheFinishedAnswer(t *testing.T) {
	t.Parallel()
	res := &query.Result{Columns: []query.Column{{Name: "revenue", Kind: query.KindDecimal, Scale: 2}},
		Rows: []query.Row{{decimal.RequireFromString("10.50")}}}
	cases := []struct {
		name string
		ans  *analyst.Answer
		want []analyst.PartKind
	}{
		{"answered", &analyst.Answer{Text: "Revenue: $10.50.", SQL: "SELECT 10.50", Args: []any{1}, Result: res, Suggestions: []string{"By month"}},
			[]analyst.PartKind{analyst.PartText, analyst.PartSQL, analyst.PartResult, analyst.PartSuggestions}},
		{"declined", &analyst.Answer{Text: "No cost data.", Declined: true, Suggestions: []string{"Revenue by region"}},
			[]analyst.PartKind{analyst.PartText, analyst.PartSuggestions}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			emit, parts := collect()
			got, err := analyst.AskStream(context.Background(), plainAnalyst{c.ans}, nil, "q", emit)
			require.NoError(t, err)
			require.Same(t, c.ans, got)
			require.Equal(t, c.want, kinds(*parts))
			require.Equal(t, c.ans.Text, joined(*parts))
			for _, p := range *parts {
				switch p.Kind {
				case analyst.PartSQL:
					require.Equal(t, c.ans.SQL, p.SQL)
					require.Equal(t, c.ans.Args, p.Args)
				case analyst.PartResult:
					require.Same(t, c.ans.Result, p.Result)
				case analyst.PartSuggestions:
					require.Equal(t, c.ans.Suggestions, p.Suggestions)
				}
			}
		})
	}
	stop := errors.New("the reader went away")
	_, err := analyst.AskStream(context.Background(), plainAnalyst{cases[0].ans}, nil, "q", func(analyst.Part) error { return stop })
	require.ErrorIs(t, err, stop, "emit's error ends the stream")
	got, err := analyst.AskStream(context.Background(), plainAnalyst{cases[0].ans}, nil, "q", nil)
	require.NoError(t, err, "a nil emit discards the parts")
	require.Same(t, cases[0].ans, got)
}

func TestPartKindValid(t *testing.T) {
	t.Parallel()
	for _, k := range []analyst.PartKind{analyst.PartStatus, analyst.PartText, analyst.PartSQL, analyst.PartResult, analyst.PartSuggestions} {
		require.True(t, k.Valid(), k)
	}
	require.False(t, analyst.PartKind("table").Valid())
	require.False(t, analyst.PartKind("").Valid())
}

// A question Cortex cannot answer streams its text and suggestions as they
// arrive, and is a decline carrying them, as Ask's answer is.
func TestCortexStreamsADecline(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 {
			writeJSON(w, 200, `{"request_id":"r1","message":{"role":"analyst","content":[{"type":"text","text":"Your question is ambiguous, here are some alternatives:"},{"type":"suggestions","suggestions":["Revenue in 2025","Orders in 2025"]}]}}`)
			return
		}
		streamHeaders(w)
		sse(w, "status", `{"status":"interpreting_question"}`)
		sse(w, "status", `{"status":"reading_model"}`)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"Your question is ambiguous,"}`)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":" here are some alternatives:"}`)
		sse(w, "message.content.delta", `{"index":1,"type":"suggestions","suggestions_delta":{"index":0,"suggestion_delta":"Revenue in 2025"}}`)
		sse(w, "message.content.delta", `{"index":1,"type":"suggestions","suggestions_delta":{"index":1,"suggestion_delta":"Orders in 2025"}}`)
		sse(w, "status", `{"status":"done"}`)
	}
	a := &analyst.Cortex{Client: f.client(t, nil), Base: analyst.Request{SemanticModelFile: stage}, Engine: refusingRunner{t}}
	emit, parts := collect()
	got, err := a.AskStream(context.Background(), nil, "revenue in the year", emit)
	require.NoError(t, err)
	want, err := a.Ask(context.Background(), nil, "revenue in the year")
	require.NoError(t, err)
	require.True(t, got.Declined)
	require.Equal(t, want.Text, got.Text)
	require.Equal(t, want.Suggestions, got.Suggestions)
	require.Equal(t, want.Reason, got.Reason)
	require.Equal(t, []analyst.PartKind{analyst.PartStatus, analyst.PartStatus, analyst.PartText, analyst.PartText, analyst.PartSuggestions}, kinds(*parts))
	require.Equal(t, "Interpreting the question", (*parts)[0].Status, "a status without a message is said in words")
	require.Equal(t, "Reading model", (*parts)[1].Status, "an undocumented status too")
	require.Equal(t, got.Text, joined(*parts))
	require.Equal(t, true, f.body(0)["stream"], "AskStream asks for a stream")
	require.Equal(t, false, f.body(1)["stream"], "Ask does not")
}

// An error event mid-stream ends the answer with the API's error; a caller's
// emit error ends it before the SQL runs.
func TestCortexStreamFailures(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		streamHeaders(w)
		sse(w, "status", `{"status":"generating_sql","status_message":"Generating SQL"}`)
		if n == 1 {
			sse(w, "error", `{"message":"Semantic model validation failed","error_code":"392700","request_id":"err-req"}`)
			return
		}
		sse(w, "message.content.delta", `{"index":0,"type":"sql","statement_delta":"DELETE FROM orders"}`)
		sse(w, "status", `{"status":"done"}`)
	}
	a := &analyst.Cortex{Client: f.client(t, nil), Base: analyst.Request{SemanticModelFile: stage}, Engine: refusingRunner{t}}
	emit, parts := collect()
	_, err := a.AskStream(context.Background(), nil, "q", emit)
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, "392700", ae.CodeOrErrorCode())
	require.Equal(t, []analyst.PartKind{analyst.PartStatus}, kinds(*parts), "what arrived before the error was passed on")

	stop := errors.New("the reader went away")
	_, err = a.AskStream(context.Background(), nil, "q", func(p analyst.Part) error {
		if p.Kind == analyst.PartSQL {
			return stop
		}
		return nil
	})
	require.ErrorIs(t, err, stop, "refusingRunner fails the test if the SQL ran after all")

	_, err = a.AskStream(context.Background(), nil, "", emit)
	require.ErrorIs(t, err, analyst.ErrInvalidRequest)
}
