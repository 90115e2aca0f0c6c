//go:build cgo

package offline_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// streamed asks q after the questions of history and returns the answer Ask
// gives, the answer AskStream gives and the parts it emitted.
func streamed(tb testing.TB, a *offline.Analyst, history []string, q string) (asked, got *analyst.Answer, parts []analyst.Part) {
	tb.Helper()
	ctx := context.Background()
	var h []*analyst.Answer
	for _, p := range history {
		prev, err := a.Ask(ctx, h, p)
		require.NoError(tb, err, p)
		h = append(h, prev)
	}
	asked, err := a.Ask(ctx, h, q)
	require.NoError(tb, err, q)
	got, err = a.AskStream(ctx, h, q, func(p analyst.Part) error {
		require.True(tb, p.Kind.Valid(), "%q: part kind %q", q, p.Kind)
		parts = append(parts, p)
		return nil
	})
	require.NoError(tb, err, q)
	return asked, got, parts
}

// Every question of the evaluation set, answered or declined, streams the
// answer Ask gives, in honest stages: what the question was read as, the SQL
// before it runs, the table once it ran, then the figures and the suggestions.
func TestStreamEqualsAsk(t *testing.T) {
	set := loadEval(t)
	a := newAnalyst(t)
	type question struct {
		q     string
		after []string
	}
	var qs []question
	for _, c := range set.Answers {
		qs = append(qs, question{c.Q, c.After})
	}
	for _, d := range set.Declines {
		qs = append(qs, question{d.Q, d.After})
	}
	for _, c := range qs {
		asked, got, parts := streamed(t, a, c.after, c.q)
		require.Equal(t, asked.Text, got.Text, c.q)
		require.Equal(t, asked.SQL, got.SQL, c.q)
		require.Equal(t, asked.Args, got.Args, c.q)
		require.Equal(t, asked.Result, got.Result, c.q)
		require.Equal(t, asked.Suggestions, got.Suggestions, c.q)
		require.Equal(t, asked.Declined, got.Declined, c.q)
		require.Equal(t, asked.Reason, got.Reason, c.q)

		var text strings.Builder
		var order []analyst.PartKind
		for _, p := range parts {
			switch p.Kind {
			case analyst.PartText:
				text.WriteString(p.Text)
			case analyst.PartSQL:
				require.Equal(t, got.SQL, p.SQL, c.q)
				require.Equal(t, got.Args, p.Args, c.q)
			case analyst.PartResult:
				require.Same(t, got.Result, p.Result, c.q)
			case analyst.PartSuggestions:
				require.Equal(t, got.Suggestions, p.Suggestions, c.q)
			case analyst.PartStatus:
				require.NotEmpty(t, p.Status, c.q)
			}
			if p.Kind != analyst.PartStatus {
				order = append(order, p.Kind)
			}
		}
		require.Equal(t, got.Text, text.String(), "%q: the text parts join to the sentence", c.q)
		require.Equal(t, analyst.PartStatus, parts[0].Kind, "%q: a status first", c.q)
		want := []analyst.PartKind{analyst.PartText, analyst.PartSQL, analyst.PartResult, analyst.PartText}
		if got.Declined {
			want = []analyst.PartKind{analyst.PartText}
		}
		if len(got.Suggestions) > 0 {
			want = append(want, analyst.PartSuggestions)
		}
		require.Equal(t, want, order, c.q)
		if !got.Declined {
			lead := parts[1].Text
			require.True(t, strings.HasSuffix(lead, ": "), "%q: the lead %q says what was asked", c.q, lead)
			require.NotContains(t, lead, "$", "%q: the lead comes before the figures", c.q)
		}
	}
}

// countingDB counts the queries that reach the warehouse.
type countingDB struct {
	db *sql.DB
	n  *atomic.Int64
}

func (c countingDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	c.n.Add(1)
	return c.db.QueryContext(ctx, q, args...)
}

// A reader that goes away stops the answer: an emit error at the SQL part means
// the query never runs, and a cancelled context ends the run.
func TestStreamStopsWhenTheReaderStops(t *testing.T) {
	var n atomic.Int64
	a, err := offline.New(context.Background(), semantic.SalesModel(), countingDB{warehouse(t).DB(), &n}, offline.Options{Dialect: dialect.DuckDB, Now: clock})
	require.NoError(t, err)
	before := n.Load()
	gone := errors.New("the reader went away")
	_, err = a.AskStream(context.Background(), nil, "revenue by region in 2025", func(p analyst.Part) error {
		if p.Kind == analyst.PartSQL {
			return gone
		}
		return nil
	})
	require.ErrorIs(t, err, gone)
	require.Equal(t, before, n.Load(), "no query ran after the reader went away")

	ctx, cancel := context.WithCancel(context.Background())
	_, err = a.AskStream(ctx, nil, "revenue by region in 2025", func(p analyst.Part) error {
		if p.Kind == analyst.PartSQL {
			cancel()
		}
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
}
