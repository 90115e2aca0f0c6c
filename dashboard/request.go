package dashboard

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// Every table of a view is one request to the semantic layer (package query):
// the filter becomes its Where and date range, a comparison its Compare, shares
// and top-N lists its Shares and Rank. The query planner answers each from the
// smallest pre-aggregated mart that gives the same result exactly, or from
// FCT_ORDERS; [PathFacts] turns that off.

// sourceFacts names FCT_ORDERS read through the semantic layer, in [Meta.Sources].
const sourceFacts = "FCT_ORDERS (semantic layer)"

// sourceOf names the table a request was answered from: MARTS.<mart> for a
// pre-aggregated mart, else the model's tables through the semantic layer.
func sourceOf(r query.Route) string {
	switch {
	case r.Rollup:
		return "MARTS." + r.Table
	case r.Table == "FCT_ORDERS":
		return sourceFacts
	}
	return r.Table + " (semantic layer)"
}

// ask is a request for metrics over the orders of f in [from, to].
func ask(f Filter, from, to time.Time, metrics ...string) query.Request {
	return query.Request{Metrics: metrics, Where: f.where(),
		Dates: &query.DateFilter{Dimension: "order_date", Range: query.Dates(from, to)}}
}

// monthly groups r by calendar month of the order date.
func monthly(r query.Request) query.Request {
	r.Time = &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}
	return r
}

// by groups r by dimensions.
func by(r query.Request, dims ...string) query.Request {
	r.Dimensions = append(r.Dimensions, dims...)
	return r
}

// withShare adds revenue's share of the result's total (revenue_share).
func withShare(r query.Request) query.Request {
	r.Shares = append(r.Shares, query.Share{Metric: "revenue"})
	return r
}

// compared adds the comparison of metrics with the view's comparison period,
// when there is one with data: columns m_base, m_delta and m_pct. A grouped
// request keeps only the groups with orders in its own range (the request must
// ask for orders): a group sold only in the comparison period is not a row of
// the view.
func compared(r query.Request, m *Meta, metrics ...string) query.Request {
	c := m.Comparison
	if c == nil || c.Missing {
		return r
	}
	r.Compare = &query.Compare{To: query.CompareRange, Range: query.Dates(c.From, c.To), Metrics: metrics}
	if len(r.Dimensions) > 0 || r.Time != nil {
		r.Compare.Having = query.Gt("orders", 0)
	}
	return r
}

// table is a request's result, read by column name.
type table struct {
	idx  map[string]int
	rows []query.Row
}

// run compiles and runs r in the view's transaction, and names the table that
// answered it. A comparison takes the data's first and last days from the
// catalog, read in the same transaction, rather than from FCT_ORDERS; the
// data runs to the eve of its as-of date (Catalog.End), so a year the as-of
// date has closed is never flagged partial for want of orders on its last days.
func (e *env) run(r query.Request) (table, string, error) {
	if r.Compare != nil && r.Compare.Data == nil && !e.cat.First.IsZero() {
		c, data := *r.Compare, query.Dates(e.cat.First, e.cat.End())
		c.Data, r.Compare = &data, &c
	}
	if a, ok := e.reuse(r); ok {
		return a.t, a.src, nil
	}
	q, err := e.d.comp.Compile(r)
	if err != nil {
		return table{}, "", fmt.Errorf("dashboard: %w", err)
	}
	res, err := q.Run(e.ctx, e.tx)
	if err != nil {
		return table{}, "", fmt.Errorf("dashboard: %w", err)
	}
	t := table{idx: make(map[string]int, len(res.Columns)), rows: res.Rows}
	for i, c := range res.Columns {
		t.idx[c.Name] = i
	}
	if oneRow(r) {
		e.answered = append(e.answered, answer{r, t, sourceOf(q.Route)})
	}
	return t, sourceOf(q.Route), nil
}

// answer is a request the view ran and its result.
type answer struct {
	req query.Request
	t   table
	src string
}

// reuse returns the result of a one-row request the view already ran that
// asked for every metric of r, and is otherwise r: its columns for r's metrics
// (and their comparison) are r's answer, in the same transaction. The
// executive view's year to date of a whole calendar year is its KPIs' year.
func (e *env) reuse(r query.Request) (answer, bool) {
	if !oneRow(r) {
		return answer{}, false
	}
	for _, a := range e.answered {
		x, y := r, a.req
		x.Metrics, y.Metrics = nil, nil
		if subset(r.Metrics, a.req.Metrics) && reflect.DeepEqual(x, y) {
			return a, true
		}
	}
	return answer{}, false
}

// oneRow reports whether r answers in one row: no group, rank, share, window
// or paging.
func oneRow(r query.Request) bool {
	return len(r.Dimensions) == 0 && r.Time == nil && r.Rank == nil && len(r.Shares) == 0 && len(r.Windows) == 0 &&
		r.PerPeriod == nil && r.Having == nil && len(r.OrderBy) == 0 && r.Limit == 0 && r.Offset == 0
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// value is row i's value of column col; nil for NULL or a column the result
// does not have.
func (t table) value(i int, col string) any {
	j, ok := t.idx[col]
	if !ok {
		return nil
	}
	return t.rows[i][j]
}

func (t table) str(i int, col string) string  { s, _ := t.value(i, col).(string); return s }
func (t table) count(i int, col string) int64 { n, _ := t.value(i, col).(int64); return n }
func (t table) flag(i int, col string) bool   { b, _ := t.value(i, col).(bool); return b }
func (t table) month(i int, col string) time.Time {
	d, _ := t.value(i, col).(time.Time)
	return day(d.UTC())
}

// dec is a decimal column, zero when NULL.
func (t table) dec(i int, col string) decimal.Decimal {
	d, _ := t.value(i, col).(decimal.Decimal)
	return d
}

// null is a decimal or count column as a nullable decimal.
func (t table) null(i int, col string) decimal.NullDecimal {
	switch v := t.value(i, col).(type) {
	case decimal.Decimal:
		return valid(v)
	case int64:
		return valid(decimal.NewFromInt(v))
	}
	return decimal.NullDecimal{}
}

// change is a compared metric's base, Δ and Δ% in row i: all null without a
// comparison.
func (t table) change(i int, metric string) Change {
	return Change{Base: t.null(i, metric+"_base"), Delta: t.null(i, metric+"_delta"), Pct: t.null(i, metric+"_pct")}
}

// share is row i as a part of a whole: its rank, revenue and share, or the Other
// row of a top-N list (which drills to parent).
func (t table) share(i int, key, name string, id int64, drill, parent Filter) Share {
	s := Share{Rank: int(t.count(i, "rank")), Revenue: t.dec(i, "revenue"), Share: t.null(i, "revenue_share")}
	if t.flag(i, "other") {
		s.Key, s.Name, s.Other, s.Count, s.Drill = "Other", "Other", true, int(t.count(i, "other_count")), parent
		return s
	}
	s.Key, s.Name, s.ID, s.Drill = key, name, id, drill
	return s
}

// ranked ranks r's groups by revenue, highest first (ties by the dimensions
// ascending), keeping the first n and an Other row for the rest; n ≤ 0 keeps
// every group. An Other row stands for at least [minOther] parts: fewer are
// listed instead.
func ranked(r query.Request, n int) query.Request {
	r.Rank = &query.Rank{By: "revenue"}
	if n > 0 {
		r.Rank.Top, r.Rank.Other, r.Rank.MinOther = n, true, minOther
	}
	return r
}

// minOther is the fewest parts a view's Other row holds: a top 10 of 13 lists
// all 13, as "Other (3)" would say less than the three rows it replaces.
const minOther = 4

// byRevenue orders r's rows by revenue, highest first, ties by the dimensions.
func byRevenue(r query.Request) query.Request {
	r.OrderBy = []query.Order{query.Desc("revenue")}
	return r
}

// allTime drops r's date range when it holds every day of data, so that a mart
// without dates (SALES_BY_CUSTOMER's lifetime figures) can answer it: the rows
// are the same either way, as the catalog's bounds are read in the view's
// transaction. A compared request keeps its range: the comparison needs it.
func (e *env) allTime(r query.Request) query.Request {
	if r.Compare != nil || r.Dates == nil {
		return r
	}
	if from, to, err := r.Dates.Range.Resolve(time.Time{}); err == nil && !from.After(e.cat.First) && !to.Before(e.cat.Last) {
		r.Dates = nil
	}
	return r
}

// lowest ranks r's groups by revenue, lowest first, keeping the first n and no
// Other row: the rest of a bottom list is nearly the whole, not a part of it.
func lowest(r query.Request, n int) query.Request {
	r.Rank = &query.Rank{By: "revenue", Bottom: true, Top: n}
	return r
}
