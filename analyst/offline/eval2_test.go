//go:build cgo

package offline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/query"
)

// eval2Dir is evaluation set 2 (issue 20): questions written by someone who
// never saw the resolver, answers computed by hand-written SQL over RAW.
var eval2Dir = filepath.Join("..", "..", "testdata", "analyst", "eval2")

// eval2Floor is the accuracy the resolver must not fall below on the working
// part of the set (held-out families excluded); raise it as the resolver
// learns, never lower it.
const eval2Floor = 1.0 // measured 1.000 on 2026-12-07 (held-out 0.964, unchanged by the evening's class work); 1.000 (0.938) before the class work of that day; 0.953 (0.821) before issue 20's

// declineKinds maps the set's decline reasons to the analyst's.
var declineKinds = map[evalset.Reason]offline.DeclineKind{
	"forecast":      offline.DeclineForecast,
	"not_in_model":  offline.DeclineNotInModel,
	"change_data":   offline.DeclineChangesData,
	"out_of_domain": offline.DeclineOutOfDomain,
}

// TestEvaluationSet2 scores the offline analyst on evaluation set 2 and reports
// accuracy per class, on the working families and on the held-out ones. Only
// the working part's failures are printed (with -v and EVAL2_FAILURES=1): the
// held-out failures stay unseen while the resolver is worked on.
func TestEvaluationSet2(t *testing.T) {
	scoreSet(t, eval2Dir, eval2Floor, "EVAL2_FAILURES")
}

// scoreSet scores the offline analyst on the evaluation set in dir, logs the
// accuracy per class on its working and held-out families and the working
// failures when the environment variable failuresEnv is set (never the
// held-out ones), and requires the working accuracy to reach floor.
func scoreSet(t *testing.T, dir string, floor float64, failuresEnv string) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	set, err := evalset.Load(os.DirFS(dir))
	require.NoError(t, err)
	held, err := evalset.LoadHeldOut(os.DirFS(dir))
	require.NoError(t, err)
	a := newAnalyst(t)
	type score struct{ right, all int }
	scores := map[string]map[evalset.Class]*score{"working": {}, "held-out": {}}
	var failures []string
	for _, e := range set.Entries() {
		part := "working"
		if held[e.Family] {
			part = "held-out"
		}
		s := scores[part][e.Class]
		if s == nil {
			s = &score{}
			scores[part][e.Class] = s
		}
		s.all++
		why := judge(t, a, dir, e)
		if why == "" {
			s.right++
			continue
		}
		if part == "working" {
			failures = append(failures, fmt.Sprintf("%s [%s] %q: %s", e.ID, e.Class, e.Question, why))
		}
	}
	total := map[string]*score{"working": {}, "held-out": {}}
	var lines []string
	for _, c := range evalset.Classes() {
		line := fmt.Sprintf("%-16s", c)
		for _, part := range []string{"working", "held-out"} {
			s := scores[part][c]
			if s == nil {
				s = &score{}
			}
			total[part].right += s.right
			total[part].all += s.all
			line += fmt.Sprintf("  %s %3d/%-3d", part, s.right, s.all)
		}
		lines = append(lines, line)
	}
	for _, part := range []string{"working", "held-out"} {
		s := total[part]
		lines = append(lines, fmt.Sprintf("%s: %d of %d right (%.1f%%)", part, s.right, s.all, 100*float64(s.right)/float64(max(1, s.all))))
	}
	t.Log(filepath.Base(dir) + "\n" + strings.Join(lines, "\n"))
	if os.Getenv(failuresEnv) != "" {
		t.Log("working failures:\n" + strings.Join(failures, "\n"))
	}
	w := total["working"]
	require.GreaterOrEqual(t, float64(w.right)/float64(w.all), floor, "accuracy on the working part fell")
}

// judge returns why the analyst's answer to e, an entry of the set in dir, is
// wrong, or "" when right.
func judge(t *testing.T, a *offline.Analyst, dir string, e evalset.Entry) string {
	res := a.Resolve(nil, e.Question)
	if e.Decline != "" {
		switch {
		case !res.Declined:
			return "answered a question to decline (" + res.Reading + ")"
		case res.Kind != declineKinds[e.Decline]:
			return fmt.Sprintf("declined as %s, want %s: %s", res.Kind, e.Decline, res.Reason)
		}
		return ""
	}
	ans, err := a.Ask(context.Background(), nil, e.Question)
	if err != nil {
		return "error: " + err.Error()
	}
	if ans.Declined {
		return "declined: " + ans.Reason
	}
	want, err := evalset.LoadAnswer(os.DirFS(dir), e.Family)
	if err != nil {
		t.Fatal(err)
	}
	// Row order counts only where rows are ranked (the set's README): in the
	// ranking classes, ordered by a measure.
	ranking := e.Class == "superlatives" || e.Class == "number_words" || e.Class == "per_group_rank"
	ordered := ranking && e.Expect != nil && e.Expect.Order != ""
	if why := sameAnswer(want, ans.Result, ordered); why != "" {
		return why + " (read as: " + res.Reading + ")"
	}
	return ""
}

// sameAnswer compares the analyst's result with the pinned one: the same row
// count, and each expected column equal to a distinct result column, value by
// value (decimals as decimals, so 0.2592 and 25.92 percent agree; dates as
// days); row order only where the answer is ranked. Extra columns and other
// column names are fine.
func sameAnswer(want evalset.Answer, got *query.Result, ordered bool) string {
	if got == nil {
		return "no result"
	}
	if len(got.Rows) != len(want.Rows) {
		return fmt.Sprintf("%d rows, want %d", len(got.Rows), len(want.Rows))
	}
	gotText := make([][]string, len(got.Columns))
	for c := range got.Columns {
		for _, row := range got.Rows {
			gotText[c] = append(gotText[c], cellText(row[c]))
		}
	}
	used := map[int]bool{}
	var mapped []int
	for j, wc := range want.Columns {
		col := make([]string, len(want.Rows))
		for i, row := range want.Rows {
			col[i] = row[j]
		}
		found := -1
		for c := range got.Columns {
			if !used[c] && sameValues(col, gotText[c], ordered) {
				found = c
				break
			}
		}
		if found < 0 {
			return fmt.Sprintf("no column equals %s (want %s, got columns %s)", wc.Name, preview(col), previewCols(got, gotText))
		}
		used[found] = true
		mapped = append(mapped, found)
	}
	if ordered || len(want.Rows) < 2 {
		return ""
	}
	// Unordered: the rows as tuples must be the same multiset, each cell
	// matched as its column was (a fraction matches its percent).
	taken := make([]bool, len(want.Rows))
	for i, row := range want.Rows {
		found := false
		for k := range want.Rows {
			if taken[k] {
				continue
			}
			ok := true
			for j, c := range mapped {
				ok = ok && sameValues([]string{row[j]}, []string{gotText[c][k]}, true)
			}
			if ok {
				taken[k], found = true, true
				break
			}
		}
		if !found {
			return fmt.Sprintf("rows pair up differently (no result row matches row %d)", i+1)
		}
	}
	return ""
}

func sameValues(want, got []string, ordered bool) bool {
	w, g := make([]string, len(want)), make([]string, len(got))
	for i := range want {
		w[i], g[i] = norm(want[i]), norm(got[i])
	}
	if !ordered {
		sort.Strings(w)
		sort.Strings(g)
	}
	if slices.Equal(w, g) {
		return true
	}
	// a fraction against a percent with its scale: 0.259234 ~ 25.92; unordered
	// columns are compared in numeric order (a fraction and a percent sort
	// apart as text)
	wds, gds := decimals(want), decimals(got)
	if wds == nil || gds == nil {
		return false
	}
	if !ordered {
		slices.SortFunc(wds, decimal.Decimal.Cmp)
		slices.SortFunc(gds, decimal.Decimal.Cmp)
	}
	for i := range wds {
		wd, gd := wds[i], gds[i]
		if !gd.Mul(decimal.NewFromInt(100)).Round(wd.Exponent()*-1).Equal(wd) && !gd.Round(-wd.Exponent()).Equal(wd) {
			return false
		}
	}
	return true
}

// decimals reads every value as a decimal, or returns nil.
func decimals(vs []string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(vs))
	for i, v := range vs {
		d, err := decimal.NewFromString(v)
		if err != nil {
			return nil
		}
		out[i] = d
	}
	return out
}

// norm writes a value for comparison: decimals without trailing zeros; the
// first day of a year as the year (a year grain's label).
func norm(s string) string {
	if d, err := decimal.NewFromString(s); err == nil {
		return d.String()
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil && t.YearDay() == 1 {
		return fmt.Sprint(t.Year())
	}
	return strings.TrimSpace(s)
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case decimal.Decimal:
		return x.String()
	case decimal.NullDecimal:
		if !x.Valid {
			return "NULL"
		}
		return x.Decimal.String()
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

func preview(col []string) string {
	if len(col) > 3 {
		return "[" + strings.Join(col[:3], " ") + " …]"
	}
	return "[" + strings.Join(col, " ") + "]"
}

func previewCols(r *query.Result, cols [][]string) string {
	var parts []string
	for c, col := range r.Columns {
		parts = append(parts, col.Name+preview(cols[c]))
	}
	return strings.Join(parts, ", ")
}
