package offline

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// Division asks for one metric of a request's result divided by another, row
// by row ("what share of customers were new": new customers ÷ customers): a
// ratio the model does not define, computed exactly from the two figures the
// query returned.
type Division struct {
	// Num and Den are the metrics divided, as the request names them; As
	// names the added column.
	Num, Den, As string
}

// divisionScale is the decimal places of a division's fraction (a share of
// 0.259234 says 25.92%).
const divisionScale = 6

// divide adds the column d.As to res: each row's d.Num ÷ d.Den, an exact
// decimal rounded to divisionScale places, or nil where the divisor is zero
// or missing.
func divide(res *query.Result, d Division) error {
	num, den := -1, -1
	for i, c := range res.Columns {
		switch c.Name {
		case d.Num:
			num = i
		case d.Den:
			den = i
		}
	}
	if num < 0 || den < 0 {
		return fmt.Errorf("offline: division: the result has no column %q or %q", d.Num, d.Den)
	}
	res.Columns = append(res.Columns, query.Column{Name: d.As, Kind: query.KindDecimal, Scale: divisionScale,
		Field: res.Columns[num].Field, Role: query.RoleMetric})
	for i, row := range res.Rows {
		a, okA := exactOf(row[num])
		b, okB := exactOf(row[den])
		var v any
		if okA && okB && !b.IsZero() {
			v = a.DivRound(b, divisionScale)
		}
		res.Rows[i] = append(row, v)
	}
	return nil
}

// exactOf reads a count or a decimal of a result as a decimal.
func exactOf(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int64:
		return decimal.NewFromInt(x), true
	case decimal.Decimal:
		return x, true
	case decimal.NullDecimal:
		return x.Decimal, x.Valid
	}
	return decimal.Decimal{}, false
}

// shareOfWhole reads "what share of customers were new" — a share of a count
// that is part of another count the question names — as the one divided by
// the other, per group: it reports whether it did.
func (r *Resolver) shareOfWhole(in *intent, items []item) bool {
	whole := r.countOf["customer_id"]
	if whole == "" || len(in.metrics) != 1 || !r.namesMetric(items, whole) && (len(in.dims) > 0 || in.grain != "") {
		return false
	}
	part := in.metrics[0]
	if part != r.lexMetric("new customers") && part != r.lexMetric("returning customers") || part == "" {
		return false
	}
	in.metrics, in.divideBy = []string{part, whole}, whole
	return true
}

// division is the intent's division, or nil.
func (in *intent) division() *Division {
	if in.divideBy == "" || len(in.metrics) != 2 || in.metrics[1] != in.divideBy {
		return nil
	}
	return &Division{Num: in.metrics[0], Den: in.divideBy, As: in.metrics[0] + "_share"}
}

// newOrReturning reports whether m is the new or the returning customers
// metric.
func (r *Resolver) newOrReturning(m string) bool {
	return m != "" && (m == r.lexMetric("new customers") || m == r.lexMetric("returning customers"))
}

// newOrReturningAt is the index of the item that names the new or the
// returning customers metric, or -1.
func (r *Resolver) newOrReturningAt(items []item) int {
	for i := range items {
		if m, ok := items[i].reading(kMetric); ok && r.newOrReturning(m.name) {
			return i
		}
	}
	return -1
}
