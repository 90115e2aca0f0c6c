package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/scan"
)

type jsonAnswer struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
	SQL      string `json:"sql"`
	Columns  []struct {
		Name string `json:"name"`
		Kind string `json:"kind"`
	} `json:"columns"`
	Rows        [][]any  `json:"rows"`
	Suggestions []string `json:"suggestions"`
	Declined    bool     `json:"declined"`
	Reason      string   `json:"reason"`
}

func ask(tb testing.TB, wf connect.Flags, q string) jsonAnswer {
	tb.Helper()
	var out, errOut bytes.Buffer
	require.NoError(tb, run(context.Background(), wf, true, true, q, strings.NewReader(""), &out, &errOut))
	require.Equal(tb, 1, strings.Count(strings.TrimSpace(out.String()), "\n")+1, "exactly one JSON object: %s", out.String())
	var a jsonAnswer
	dec := json.NewDecoder(&out)
	dec.UseNumber()
	require.NoError(tb, dec.Decode(&a))
	return a
}

// The three reference questions of SPEC §3, asked through the program on the
// embedded warehouse it builds, each checked against hand-written SQL over RAW.
func TestReferenceQuestions(t *testing.T) {
	wf := connect.Flags{Engine: "embedded", DB: filepath.Join(t.TempDir(), "sales.duckdb"), Scale: 1, Build: true}

	last := ask(t, wf, "What was total revenue last month?")
	top := ask(t, wf, "Top 10 products by revenue")
	regions := ask(t, wf, "Sales by region")
	declined := ask(t, wf, "what is our profit margin?")

	// with no question: a conversation on stdin, follow-ups building on answers
	var conv, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), wf, true, false, "", strings.NewReader("Sales by region\nonly online\nand in 2024?\n\n"), &conv, &errOut))
	require.Contains(t, conv.String(), "For example:")
	require.Contains(t, conv.String(), "Total revenue by region (online orders) in 2024:")

	eng, err := engine.Open(context.Background(), engine.Config{Name: "embedded", Path: wf.DB})
	require.NoError(t, err)
	defer eng.Close()
	db := eng.DB()
	const net = "ROUND(o.QUANTITY * o.UNIT_PRICE * (1 - o.DISCOUNT_PCT), 2)"

	var rev decimal.Decimal
	var orders int64
	require.NoError(t, db.QueryRow(`SELECT SUM(`+net+`), COUNT(*) FROM RAW.ORDERS o
		WHERE o.ORDER_DATE BETWEEN DATE '2025-12-01' AND DATE '2025-12-31'`).Scan(scan.Decimal(&rev), &orders))
	require.False(t, last.Declined)
	require.Equal(t, []any{rev.StringFixed(2), json.Number(itoa(orders))}, last.Rows[0])
	require.Contains(t, last.Answer, "December 2025")
	require.Equal(t, "decimal", last.Columns[0].Kind)
	require.Equal(t, "int", last.Columns[1].Kind)

	rows, err := db.Query(`SELECT p.PRODUCT_NAME, p.CATEGORY, SUM(` + net + `) r FROM RAW.ORDERS o
		JOIN RAW.PRODUCTS p ON p.PRODUCT_ID = o.PRODUCT_ID GROUP BY 1, 2 ORDER BY r DESC LIMIT 10`)
	require.NoError(t, err)
	var want [][]any
	for rows.Next() {
		var name, cat string
		var r decimal.Decimal
		require.NoError(t, rows.Scan(&name, &cat, scan.Decimal(&r)))
		want = append(want, []any{name, cat, r.StringFixed(2)})
	}
	require.NoError(t, rows.Err())
	require.Equal(t, want, top.Rows)
	require.Contains(t, top.Answer, want[0][0].(string))

	rows, err = db.Query(`SELECT s.REGION, SUM(` + net + `) r FROM RAW.ORDERS o
		JOIN RAW.SALES_REPS s ON s.REP_ID = o.REP_ID GROUP BY 1 ORDER BY r DESC`)
	require.NoError(t, err)
	want = nil
	for rows.Next() {
		var region string
		var r decimal.Decimal
		require.NoError(t, rows.Scan(&region, scan.Decimal(&r)))
		want = append(want, []any{region, r.StringFixed(2)})
	}
	require.NoError(t, rows.Err())
	require.Equal(t, want, regions.Rows)

	require.True(t, declined.Declined)
	require.Contains(t, declined.Reason, `"profit"`)
	require.NotEmpty(t, declined.Suggestions)
	require.Empty(t, declined.SQL)
	require.Equal(t, [][]any{}, declined.Rows)
}

func itoa(n int64) string { return decimal.NewFromInt(n).String() }
