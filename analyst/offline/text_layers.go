package offline

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// changeText says, for each row of a comparison layer's result, the earlier
// figure, the later one and the change: "West: total revenue $1.00 in 2024,
// $2.00 in 2025, a change of +$1.00 (+100.0%)".
func changeText(in *intent, res *query.Result) string {
	idx := map[string]int{}
	for i, c := range res.Columns {
		idx[c.Name] = i
	}
	earlier, later := "the period before", "the period asked"
	if len(in.periods) == 2 {
		earlier, later = in.periods[0].label, in.periods[1].label
	} else if len(in.periods) == 1 {
		earlier, later = previousLabel(in.periods[0]), in.periods[0].label
	}
	return eachRow(res, ". ", func(row query.Row) string {
		var keys, ms []string
		for c, col := range res.Columns {
			if col.Role == query.RoleDimension || col.Role == query.RoleTime {
				keys = append(keys, format(col, row[c]))
			}
		}
		for _, m := range in.metrics {
			c, ok := idx[m]
			b, okBase := idx[m+"_base"]
			if !ok || !okBase {
				continue
			}
			col := res.Columns[c]
			s := fmt.Sprintf("%s %s in %s, %s in %s", label(m), format(col, row[b]), earlier, format(col, row[c]), later)
			if da, ok1 := asDecimal(row[b]); ok1 {
				if db, ok2 := asDecimal(row[c]); ok2 {
					s += ", " + change(col, da, db)
				}
			}
			ms = append(ms, s)
		}
		line := strings.Join(ms, "; ")
		if len(keys) > 0 {
			line = strings.Join(keys, ", ") + ": " + line
		}
		return line
	})
}

// eachRow joins what line says of each row, up to maxListed rows and then
// how many more, with sep, ending with a full stop.
func eachRow(res *query.Result, sep string, line func(query.Row) string) string {
	var parts []string
	for i, row := range res.Rows {
		if i == maxListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(res.Rows)-maxListed))
			break
		}
		parts = append(parts, line(row))
	}
	return strings.Join(parts, sep) + "."
}

// layerColumn reports whether a column is a layer's flag or position rather
// than a group: partial, base_partial, rank, other, other_count.
func layerColumn(name string) bool {
	switch name {
	case "partial", "base_partial", "rank", "other", "other_count":
		return true
	}
	return false
}

// percentColumn reports whether a column holds a fraction said as a percent:
// a share, or a comparison's change in percent.
func percentColumn(name string) bool {
	return strings.HasSuffix(name, "_share") || strings.HasSuffix(name, "_pct")
}

// formatPercent writes a fraction as a percent to two places: 0.25917 → 25.92%.
func formatPercent(d decimal.Decimal) string {
	return d.Mul(decimal.NewFromInt(100)).StringFixed(2) + "%"
}

// partText says, for each row of a share of a part, the share and the two
// figures it divides: "45.15% (22,490 of 49,812)", "2024: 24.51% (…)".
func partText(res *query.Result) string {
	return eachRow(res, "; ", func(row query.Row) string {
		var keys, vals []string
		for c, col := range res.Columns {
			switch col.Role {
			case query.RoleDimension, query.RoleTime:
				keys = append(keys, format(col, row[c]))
			default:
				vals = append(vals, format(col, row[c]))
			}
		}
		line := strings.Join(vals, ", ")
		if len(vals) == 3 {
			line = fmt.Sprintf("%s (%s of %s)", vals[2], vals[0], vals[1])
		}
		if len(keys) > 0 {
			line = strings.Join(keys, ", ") + ": " + line
		}
		return line
	})
}

// previousLabel names the period query compares p with (query.ComparePrevious):
// the whole year, quarter or month before ("2024" before 2025), else as many
// days just before it.
func previousLabel(p period) string {
	if b, ok := wholeBefore(p.unit, p.from); ok {
		return b.label
	}
	from, to, err := query.Compare{To: query.ComparePrevious}.ComparisonPeriod(p.from, p.to, p.to)
	if err != nil {
		return "the period before"
	}
	return fmt.Sprintf("the %d days before (%s to %s)", int(to.Sub(from).Hours()/24)+1, from.Format(time.DateOnly), to.Format(time.DateOnly))
}
