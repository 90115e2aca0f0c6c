package offline

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	figures "github.com/salesanalytics/salesanalytics/internal/format"
	"github.com/salesanalytics/salesanalytics/query"
)

// maxListed is how many rows an answer's sentence names; the table has them all.
const maxListed = 10

// lead is how the answer's sentence begins, known before the query runs: what
// was asked, then a colon ("Revenue by region in 2025: ").
func lead(in *intent) string {
	desc := in.describe()
	if in.defaulted {
		desc += " (no measure was named, so " + joinAnd(labels(in.metrics)) + ")"
	}
	for _, e := range in.explain {
		desc += " (" + e + ")"
	}
	return capital(desc) + ": "
}

// reading is the lead without its colon: how the question was read.
func reading(in *intent) string { return strings.TrimSuffix(lead(in), ": ") }

// say writes the answer's sentence: its lead, then the figures, exactly.
func say(in *intent, res *query.Result, cut bool) string {
	var b strings.Builder
	head := lead(in)
	if len(res.Rows) == 0 {
		return head + noneText(in)
	}
	metricCols, keyCols := split2(res.Columns)
	switch {
	case in.part != nil:
		b.WriteString(head + partText(res))
	case in.change:
		b.WriteString(head + changeText(in, res))
	case in.compare:
		b.WriteString(head + compareText(in, res, metricCols, keyCols))
	case len(keyCols) == 0:
		row := res.Rows[0]
		if allNull(row, metricCols) {
			return head + noneText(in)
		}
		parts := make([]string, len(metricCols))
		for i, c := range metricCols {
			parts[i] = format(res.Columns[c], row[c])
			if len(metricCols) > 1 {
				parts[i] = label(res.Columns[c].Name) + " " + parts[i]
			}
		}
		b.WriteString(head + joinAnd(parts) + ".")
	default:
		b.WriteString(head)
		var parts []string
		for i, row := range res.Rows {
			if i == maxListed {
				parts = append(parts, fmt.Sprintf("and %d more", len(res.Rows)-maxListed))
				break
			}
			parts = append(parts, rowText(res.Columns, row, metricCols, keyCols, in.rank != 0, i))
		}
		b.WriteString(strings.Join(parts, "; ") + ".")
	}
	if cut {
		fmt.Fprintf(&b, " Only the first %d rows are shown; ask for a top N to narrow it.", len(res.Rows))
	}
	return b.String()
}

func rowText(cols []query.Column, row query.Row, metricCols, keyCols []int, ranked bool, i int) string {
	keys := make([]string, len(keyCols))
	for j, c := range keyCols {
		keys[j] = format(cols[c], row[c])
	}
	k := keys[0]
	if len(keys) > 1 {
		k += " (" + strings.Join(keys[1:], ", ") + ")"
	}
	if ranked {
		k = strconv.Itoa(i+1) + ". " + k
	}
	vals := make([]string, len(metricCols))
	for j, c := range metricCols {
		vals[j] = format(cols[c], row[c])
		if len(metricCols) > 1 {
			vals[j] = label(cols[c].Name) + " " + vals[j]
		}
	}
	return k + " " + strings.Join(vals, ", ")
}

// compareText says, for each group, the first period's figure, the second's and
// the change, exactly; the percentage is rounded to a tenth.
func compareText(in *intent, res *query.Result, metricCols, keyCols []int) string {
	type pair struct{ a, b query.Row }
	var order []string
	groups := map[string]*pair{}
	timeCol := -1
	for _, c := range keyCols {
		if res.Columns[c].Role == query.RoleTime {
			timeCol = c
		}
	}
	a := in.periods[0]
	for _, row := range res.Rows {
		var ks []string
		for _, c := range keyCols {
			if c != timeCol {
				ks = append(ks, format(res.Columns[c], row[c]))
			}
		}
		k := strings.Join(ks, ", ")
		p, ok := groups[k]
		if !ok {
			p = &pair{}
			groups[k] = p
			order = append(order, k)
		}
		if t, ok := row[timeCol].(time.Time); ok && !t.After(a.to) {
			p.a = row
		} else {
			p.b = row
		}
	}
	var parts []string
	for _, k := range order {
		p := groups[k]
		var ms []string
		for _, c := range metricCols {
			col := res.Columns[c]
			va, vb := cellOf(p.a, c), cellOf(p.b, c)
			s := fmt.Sprintf("%s %s in %s, %s in %s", label(col.Name), format(col, va), in.periods[0].label, format(col, vb), in.periods[1].label)
			if da, ok1 := asDecimal(va); ok1 {
				if db, ok2 := asDecimal(vb); ok2 {
					s += ", " + change(col, da, db)
				}
			}
			ms = append(ms, s)
		}
		line := strings.Join(ms, "; ")
		if k != "" {
			line = k + ": " + line
		}
		parts = append(parts, line)
	}
	return strings.Join(parts, ". ") + "."
}

func cellOf(r query.Row, i int) any {
	if r == nil {
		return nil
	}
	return r[i]
}

// change says the difference b − a and its share of a.
func change(col query.Column, a, b decimal.Decimal) string {
	d := b.Sub(a)
	sign := "+"
	if d.IsNegative() {
		sign = "-"
	}
	s := "a change of " + sign + formatDecimal(col, d.Abs())
	if !a.IsZero() {
		pct := d.Mul(decimal.NewFromInt(100)).DivRound(a, 1)
		s += fmt.Sprintf(" (%s%s%%)", sign, pct.Abs().StringFixed(1))
	}
	return s
}

func asDecimal(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case decimal.Decimal:
		return x, true
	case int64:
		return decimal.NewFromInt(x), true
	}
	return decimal.Decimal{}, false
}

func split2(cols []query.Column) (metrics, keys []int) {
	for i, c := range cols {
		if layerColumn(c.Name) {
			continue
		}
		if c.Role != query.RoleDimension && c.Role != query.RoleTime {
			metrics = append(metrics, i)
		} else {
			keys = append(keys, i)
		}
	}
	return metrics, keys
}

func allNull(row query.Row, cols []int) bool {
	for _, c := range cols {
		if row[c] != nil {
			if n, ok := row[c].(int64); !ok || n != 0 {
				return false
			}
		}
	}
	return true
}

// format writes one value: money as $1,234.50, other decimals and counts with
// thousands separators, dates by the column's grain.
func format(col query.Column, v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case decimal.Decimal:
		if percentColumn(col.Name) {
			return formatPercent(x)
		}
		return formatDecimal(col, x)
	case int64:
		return figures.Int(x)
	case time.Time:
		switch {
		case strings.HasSuffix(col.Name, "_year"):
			return x.Format("2006")
		case strings.HasSuffix(col.Name, "_quarter"):
			return fmt.Sprintf("Q%d %d", (int(x.Month())-1)/3+1, x.Year())
		case strings.HasSuffix(col.Name, "_month"):
			return x.Format("January 2006")
		case strings.HasSuffix(col.Name, "_week"):
			return "week of " + x.Format(time.DateOnly)
		}
		return x.Format(time.DateOnly)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// formatDecimal writes a decimal exactly at its column's scale: two places is
// money ($1,234.50), other scales (a discount fraction) as they are.
func formatDecimal(col query.Column, d decimal.Decimal) string {
	if col.Scale == 2 {
		return figures.Money(d)
	}
	return d.StringFixed(int32(col.Scale))
}

// noneText says that nothing matched: the groups kept by a threshold when
// there is one ("no months match"; counted, 0), none of the groups that were
// to have moved, else the orders.
func noneText(in *intent) string {
	if in.moved != nil && in.moved.every {
		return "none did." // "which regions grew": every one fell or stayed
	}
	if in.keepAmount == nil && in.hit == "" {
		return "no orders match."
	}
	none := "no " + plural(in.keptNoun()) + " match"
	if in.countKept || in.countHit {
		return "0 (" + none + ")."
	}
	return none + "."
}
