//go:build cgo

package offline_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/scan"
)

// evalFile is the evaluation set: questions with expectations the test turns
// into hand-written SQL over RAW (never the analyst's SQL), and questions that
// must be declined.
var evalFile = filepath.Join("..", "..", "testdata", "analyst", "eval.yaml")

type evalSet struct {
	Answers  []evalCase `yaml:"answers"`
	Declines []struct {
		Q     string   `yaml:"q"`
		After []string `yaml:"after"`
	} `yaml:"declines"`
}

// evalCase is one question and its expected answer: measures by groups over
// filtered RAW orders, or raw SQL.
type evalCase struct {
	Q        string            `yaml:"q"`
	After    []string          `yaml:"after"`    // earlier questions of the conversation
	Measures []string          `yaml:"measures"` // revenue, orders, …
	By       []string          `yaml:"by"`       // groups, in answer column order
	Where    map[string]any    `yaml:"where"`    // group → value or list
	Not      map[string]string `yaml:"not"`      // group → excluded value
	Named    []string          `yaml:"named"`    // RAW conditions for named filters
	From     string            `yaml:"from"`
	To       string            `yaml:"to"`
	Periods  [][2]string       `yaml:"periods"` // two ranges compared
	Top      int               `yaml:"top"`
	Bottom   int               `yaml:"bottom"`
	OrderBy  string            `yaml:"order_by"` // the measure ranked by; default the first
	Raw      string            `yaml:"raw"`      // hand-written SQL instead
	Ordered  bool              `yaml:"ordered"`
	Verified string            `yaml:"verified"` // the verified query that must be used
}

// rawGroups are the RAW expressions of each group.
var rawGroups = map[string]string{
	"region": "TRIM(s.REGION)", "rep": "TRIM(s.REP_NAME)", "customer": "TRIM(c.CUSTOMER_NAME)",
	"segment": "TRIM(c.SEGMENT)", "industry": "TRIM(c.INDUSTRY)", "state": "UPPER(TRIM(c.STATE))",
	"product": "TRIM(p.PRODUCT_NAME)", "category": "UPPER(TRIM(p.CATEGORY))", "channel": "TRIM(o.CHANNEL)",
	"status": "TRIM(o.STATUS)",
	"day":    "o.ORDER_DATE", "week": "DATE_TRUNC('week', o.ORDER_DATE)", "month": "DATE_TRUNC('month', o.ORDER_DATE)",
	"quarter": "DATE_TRUNC('quarter', o.ORDER_DATE)", "year": "DATE_TRUNC('year', o.ORDER_DATE)",
}

const rawNet = "ROUND(o.QUANTITY * o.UNIT_PRICE * (1 - o.DISCOUNT_PCT), 2)"

// rawMeasure is a measure as RAW aggregates and how to combine them: ratios are
// divided in Go, exactly, rounded half away from zero.
type rawMeasure struct {
	parts []string
	scale int32 // for ratios
	ratio bool
}

var rawMeasures = map[string]rawMeasure{
	"revenue":      {parts: []string{"SUM(" + rawNet + ")"}},
	"gross":        {parts: []string{"SUM(o.QUANTITY * o.UNIT_PRICE)"}},
	"discount":     {parts: []string{"SUM(o.QUANTITY * o.UNIT_PRICE - " + rawNet + ")"}},
	"orders":       {parts: []string{"COUNT(DISTINCT o.ORDER_ID)"}},
	"units":        {parts: []string{"SUM(o.QUANTITY)"}},
	"customers":    {parts: []string{"COUNT(DISTINCT o.CUSTOMER_ID)"}},
	"products":     {parts: []string{"COUNT(DISTINCT o.PRODUCT_ID)"}},
	"discounted":   {parts: []string{"COUNT(DISTINCT CASE WHEN o.DISCOUNT_PCT > 0 THEN o.ORDER_ID END)"}},
	"aov":          {parts: []string{"SUM(" + rawNet + ")", "COUNT(DISTINCT o.ORDER_ID)"}, ratio: true, scale: 2},
	"rpc":          {parts: []string{"SUM(" + rawNet + ")", "COUNT(DISTINCT o.CUSTOMER_ID)"}, ratio: true, scale: 2},
	"avg_price":    {parts: []string{"SUM(o.UNIT_PRICE)", "COUNT(o.UNIT_PRICE)"}, ratio: true, scale: 2},
	"avg_discount": {parts: []string{"SUM(o.DISCOUNT_PCT)", "COUNT(o.DISCOUNT_PCT)"}, ratio: true, scale: 4},
}

// oracleSQL writes the case's expectation as SQL over RAW, joined by hand.
func (c evalCase) oracleSQL(tb testing.TB) (string, []any) {
	tb.Helper()
	if c.Raw != "" {
		return c.Raw, nil
	}
	var sel, group, where []string
	var args []any
	for _, g := range c.By {
		e, ok := rawGroups[g]
		require.True(tb, ok, "%q: unknown group %q", c.Q, g)
		sel, group = append(sel, e), append(group, e)
	}
	for _, m := range c.Measures {
		rm, ok := rawMeasures[m]
		require.True(tb, ok, "%q: unknown measure %q", c.Q, m)
		sel = append(sel, rm.parts...)
	}
	for g, v := range c.Where {
		vs, ok := v.([]any)
		if !ok {
			vs = []any{v}
		}
		ph := strings.TrimSuffix(strings.Repeat("?, ", len(vs)), ", ")
		where = append(where, rawGroups[g]+" IN ("+ph+")")
		args = append(args, vs...)
	}
	for g, v := range c.Not {
		where = append(where, rawGroups[g]+" <> ?")
		args = append(args, v)
	}
	where = append(where, c.Named...)
	if c.From != "" {
		where = append(where, "o.ORDER_DATE BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)")
		args = append(args, c.From, c.To)
	}
	if len(c.Periods) == 2 {
		where = append(where, "(o.ORDER_DATE BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) OR o.ORDER_DATE BETWEEN CAST(? AS DATE) AND CAST(? AS DATE))")
		args = append(args, c.Periods[0][0], c.Periods[0][1], c.Periods[1][0], c.Periods[1][1])
	}
	q := "SELECT " + strings.Join(sel, ", ") + `
FROM RAW.ORDERS o
JOIN RAW.CUSTOMERS c ON c.CUSTOMER_ID = o.CUSTOMER_ID
JOIN RAW.PRODUCTS p ON p.PRODUCT_ID = o.PRODUCT_ID
JOIN RAW.SALES_REPS s ON s.REP_ID = o.REP_ID`
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	if len(group) > 0 {
		q += "\nGROUP BY " + strings.Join(group, ", ")
	}
	if n := max(c.Top, c.Bottom); n > 0 {
		by := c.OrderBy
		if by == "" {
			by = c.Measures[0]
		}
		dir := "DESC"
		if c.Bottom > 0 {
			dir = "ASC"
		}
		rank := rawMeasures[by].parts[0]
		if rm := rawMeasures[by]; rm.ratio {
			rank = rm.parts[0] + " * 1.0 / " + rm.parts[1]
		}
		q += fmt.Sprintf("\nORDER BY %s %s, %s LIMIT %d", rank, dir, strings.Join(group, ", "), n)
	}
	return q, args
}

// oracleRows runs the oracle and returns its rows as canonical strings, ratios
// divided.
func (c evalCase) oracleRows(tb testing.TB, db *sql.DB) []string {
	tb.Helper()
	q, args := c.oracleSQL(tb)
	rows, err := db.Query(q, args...)
	require.NoError(tb, err, "%q oracle:\n%s", c.Q, q)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(tb, err)
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(tb, rows.Scan(ptrs...))
		if c.Raw != "" {
			out = append(out, canonicalRow(tb, vals))
			continue
		}
		cells := vals[:len(c.By)]
		i := len(c.By)
		for _, m := range c.Measures {
			rm := rawMeasures[m]
			if !rm.ratio {
				cells = append(cells, vals[i])
				i++
				continue
			}
			num, den := vals[i], vals[i+1]
			i += 2
			if num == nil || den == nil {
				cells = append(cells, nil)
				continue
			}
			n, err := scan.ToDecimal(num)
			require.NoError(tb, err)
			d, err := scan.ToDecimal(den)
			require.NoError(tb, err)
			if d.IsZero() {
				cells = append(cells, nil)
				continue
			}
			cells = append(cells, n.DivRound(d, rm.scale))
		}
		out = append(out, canonicalRow(tb, cells))
	}
	require.NoError(tb, rows.Err())
	return out
}

// canonicalRow writes a row so that equal values compare equal whatever their Go
// type: numbers by decimal value, dates as YYYY-MM-DD.
func canonicalRow(tb testing.TB, vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case nil:
			parts[i] = "NULL"
		case string:
			parts[i] = x
		case time.Time:
			parts[i] = x.Format(time.DateOnly)
		case decimal.Decimal:
			parts[i] = x.String()
		case bool:
			parts[i] = fmt.Sprint(x)
		default:
			d, err := scan.ToDecimal(v)
			require.NoError(tb, err, "value %T %v", v, v)
			parts[i] = d.String()
		}
	}
	return strings.Join(parts, " | ")
}

func answerRows(tb testing.TB, a *analyst.Answer) []string {
	out := make([]string, len(a.Result.Rows))
	for i, r := range a.Result.Rows {
		out[i] = canonicalRow(tb, r)
	}
	return out
}

func loadEval(tb testing.TB) evalSet {
	tb.Helper()
	b, err := os.ReadFile(evalFile)
	require.NoError(tb, err)
	var set evalSet
	require.NoError(tb, yaml.Unmarshal(b, &set))
	return set
}

// TestEvaluation asks every question of the evaluation set on the embedded
// warehouse at scale 1 and compares each answer's table with the oracle's; it
// reports the accuracy and requires every answer right and every decline
// declined.
func TestEvaluation(t *testing.T) {
	set := loadEval(t)
	require.GreaterOrEqual(t, len(set.Answers), 80)
	require.GreaterOrEqual(t, len(set.Declines), 20)
	a := newAnalyst(t)
	db := warehouse(t).DB()
	ctx := context.Background()
	var wrong []string
	for _, c := range set.Answers {
		s := &analyst.Session{Analyst: a}
		for _, q := range c.After {
			prev, err := s.Ask(ctx, q)
			require.NoError(t, err, q)
			require.False(t, prev.Declined, "%q (before %q) declined: %s", q, c.Q, prev.Reason)
		}
		ans, err := s.Ask(ctx, c.Q)
		require.NoError(t, err, c.Q)
		if ans.Declined {
			wrong = append(wrong, fmt.Sprintf("%q declined: %s", c.Q, ans.Reason))
			continue
		}
		require.NoError(t, analyst.CheckReadOnly(ans.SQL, dialect.DuckDB), c.Q)
		require.NotEmpty(t, ans.Text)
		if c.Verified != "" && ans.VerifiedQuery != c.Verified {
			wrong = append(wrong, fmt.Sprintf("%q: used verified query %q, want %q", c.Q, ans.VerifiedQuery, c.Verified))
			continue
		}
		want, got := c.oracleRows(t, db), answerRows(t, ans)

		if !c.Ordered && c.Top == 0 && c.Bottom == 0 {
			sort.Strings(want)
			sort.Strings(got)
		}
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			wrong = append(wrong, fmt.Sprintf("%q:\n  SQL %s %v\n  want %v\n  got  %v", c.Q, ans.SQL, ans.Args, head(want), head(got)))
		}
	}
	declinedRight := 0
	for _, d := range set.Declines {
		s := &analyst.Session{Analyst: a}
		for _, q := range d.After {
			_, err := s.Ask(ctx, q)
			require.NoError(t, err, q)
		}
		ans, err := s.Ask(ctx, d.Q)
		require.NoError(t, err, d.Q)
		if !ans.Declined || ans.Reason == "" || len(ans.Suggestions) == 0 || ans.SQL != "" || ans.Result != nil {
			wrong = append(wrong, fmt.Sprintf("%q must be declined, got: %s", d.Q, ans.Text))
			continue
		}
		declinedRight++
	}
	right := len(set.Answers) + len(set.Declines) - len(wrong)
	t.Logf("accuracy: %d/%d answers right, %d/%d declines declined (%.1f%% overall)",
		right-declinedRight, len(set.Answers), declinedRight, len(set.Declines),
		100*float64(right)/float64(len(set.Answers)+len(set.Declines)))
	require.Empty(t, wrong, "%d wrong:\n%s", len(wrong), strings.Join(wrong, "\n"))
}

func head(rows []string) []string {
	if len(rows) > 6 {
		return append(rows[:6:6], fmt.Sprintf("… %d rows", len(rows)))
	}
	return rows
}
