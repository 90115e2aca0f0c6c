package dashboard

import (
	"time"

	"github.com/shopspring/decimal"
)

// A drill-down narrows a view to one product or one customer. Its tables of
// the whole (categories, segments, top lists) would each hold that one row,
// so a drill adds what the row alone has: its months, every one of the period
// with data, and (for a customer) its orders.

// DrillMonth is one month of a drill-down: its figures and revenue's change
// against the month before it in the list.
type DrillMonth struct {
	MonthPoint
	// Change is revenue against the previous month: all null for the first
	// month; Pct null when the previous month had none.
	Change Change `json:"change"`
}

// drillMonths lays the rows of a monthly table (revenue, orders and units by
// order_date_month) on every month of p that holds data: a month without
// orders is present with zeros, so a chart's time axis does not skip it.
// Each month drills to f in that month.
func (e *env) drillMonths(t table, p Period, f Filter) []DrillMonth {
	b := e.cat.bounds()
	got := make(map[time.Time]int, len(t.rows))
	for i := range t.rows {
		got[t.month(i, "order_date_month")] = i
	}
	out := []DrillMonth{}
	for _, m := range dataMonths(p, b) {
		var pt MonthPoint
		if i, ok := got[m]; ok {
			pt = t.monthPoint(i, p, f, b)
		} else {
			from, to := clip(m, p)
			pt = MonthPoint{Month: m, Revenue: decimal.Zero, Partial: partialMonth(m, p, b), Drill: f.WithRange(from, to)}
		}
		dm := DrillMonth{MonthPoint: pt}
		if n := len(out); n > 0 {
			base := out[n-1].Revenue
			delta := pt.Revenue.Sub(base)
			dm.Change = Change{Base: valid(base), Delta: valid(delta), Pct: ratio(delta, base, 4)}
		}
		out = append(out, dm)
	}
	return out
}

// dataMonths is the first day of every month of p that holds a day of data,
// in order.
func dataMonths(p Period, b bounds) []time.Time {
	if b.first.IsZero() {
		return nil
	}
	from, to := p.From, p.To
	if from.Before(b.first) {
		from = b.first
	}
	if to.After(b.last) {
		to = b.last
	}
	var out []time.Time
	for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(to); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

// drillMonthsTable exports a drill's months: figures, the change on the month
// before, partial and drill.
func drillMonthsTable(name string, rows []DrillMonth) Table {
	t := Table{Name: name, Columns: []string{"month", "revenue", "orders", "units", "change_base", "change_delta", "change_pct", "partial", "drill"}}
	for _, m := range rows {
		row := append([]Cell{dateCell(m.Month), usd(m.Revenue), num(m.Orders), num(m.Units)}, changeCells(m.Change, 2)...)
		t.Rows = append(t.Rows, append(row, boolCell(m.Partial), filterCell(m.Drill)))
	}
	return t
}

// drilled is the id a drill details: the option's, else the filter's one id
// (a row's drill-down narrows the filter to it); 0 for none.
func drilled(option int64, ids []int64) int64 {
	if option == 0 && len(ids) == 1 {
		return ids[0]
	}
	return option
}
