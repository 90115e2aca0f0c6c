package query

import (
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// CompareTo names the period a request is compared with.
type CompareTo string

// The comparison periods.
const (
	// ComparePrevious is the period just before the range: as many whole
	// calendar months when the range is whole months (the previous year of a
	// calendar year, quarter of a quarter, month of a month), else the days of
	// equal length just before it.
	ComparePrevious CompareTo = "previous"
	// CompareYearAgo is the same dates a year earlier (29 February becomes 28).
	CompareYearAgo CompareTo = "year_ago"
	// CompareRange is an explicit second range, [Compare.Range].
	CompareRange CompareTo = "range"
)

// Valid reports whether t is a known comparison.
func (t CompareTo) Valid() bool {
	return t == ComparePrevious || t == CompareYearAgo || t == CompareRange
}

// Compare asks for each metric's value in a second period, beside its value in
// the request's date range, grouped by the same dimensions: the two periods'
// groups are joined in full, so a group present in only one of them is kept.
//
// Each compared metric m gives four columns: m (the range), m_base (the
// comparison period), m_delta (m − m_base) and m_pct (m_delta / m_base as a
// fraction rounded half away from zero to 4 places). The rules:
//
//   - no base: when the comparison period lies wholly outside the data, m_base,
//     m_delta and m_pct are NULL;
//   - a sum or count of a group with no rows in a period is 0 there (nothing
//     sold), so its change is defined; a ratio or average of such a group is
//     NULL, and so is its change;
//   - zero base: m_pct is NULL, never 0%;
//   - partial: the column partial is true when the range runs past the data's
//     first or last day or past the clock's today, base_partial the same for
//     the comparison period.
//
// With a time grain the comparison period's periods are moved onto the
// range's — by a year ago, January 2024 meets January 2025 — when they map one
// to one: whole months by month, quarter or year, runs of days by day, whole
// weeks by week; otherwise the request is refused, naming the periods.
//
// Having filters the joined groups on these columns — the products whose
// revenue shrank are Having: query.Lt("revenue_delta", 0) — before any share
// or rank is computed.
type Compare struct {
	// To is the comparison period.
	To CompareTo
	// Range is the second range, for CompareRange.
	Range DateRange
	// Metrics are the metrics compared; empty means every metric of the request.
	Metrics []string
	// Having filters groups on the output columns (m, m_base, m_delta, m_pct,
	// the dimensions).
	Having Filter
	// Data, when set, is the first and last day of data of the range's time
	// dimension as the caller knows them — a catalog read in the same
	// transaction — from which the partial flags and a missing base are
	// computed, rather than from the table's MIN and MAX in the statement.
	// They are trusted, not checked against the table: bounds narrower than
	// the data make a base that exists missing, wider ones flag no period
	// that runs past the data. Pass the bounds read with the data, or leave
	// Data nil.
	Data *DateRange
}

// ComparisonPeriod returns the period c compares the inclusive range [from, to]
// with, given the clock's now (for a relative CompareRange).
func (c Compare) ComparisonPeriod(from, to, now time.Time) (time.Time, time.Time, error) {
	switch c.To {
	case ComparePrevious:
		f, t := previousPeriod(from, to)
		return f, t, nil
	case CompareYearAgo:
		return yearEarlier(from), yearEarlier(to), nil
	case CompareRange:
		return c.Range.Resolve(now)
	}
	return from, to, invalid("compare: unknown comparison %q (valid: previous, year_ago, range)", c.To)
}

// previousPeriod is the same number of whole months just before a range of
// whole calendar months (the previous year of a year, quarter of a quarter,
// month of a month), else the days of equal length just before it.
func previousPeriod(from, to time.Time) (time.Time, time.Time) {
	if next := to.AddDate(0, 0, 1); from.Day() == 1 && next.Day() == 1 {
		months := (next.Year()-from.Year())*12 + int(next.Month()-from.Month())
		return from.AddDate(0, -months, 0), from.AddDate(0, 0, -1)
	}
	days := int(to.Sub(from)/(24*time.Hour)) + 1
	return from.AddDate(0, 0, -days), from.AddDate(0, 0, -1)
}

// yearEarlier is the same day a year before; 29 February becomes 28 February.
func yearEarlier(t time.Time) time.Time {
	y := time.Date(t.Year()-1, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if y.Month() != t.Month() {
		y = time.Date(t.Year()-1, t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return y
}

// compareRel writes the two periods' aggregates, the data's bounds and their
// full join, and returns the joined relation: the dimensions, then for each
// metric its value (and, compared, base, delta and pct), then the partial flags.
func (c *Compiler) compareRel(s *stmt, req Request) (rel, error) {
	cmp := req.Compare
	if !cmp.To.Valid() {
		return rel{}, invalid("compare: unknown comparison %q (valid: previous, year_ago, range)", cmp.To)
	}
	if req.Dates == nil {
		return rel{}, invalid("compare: the request needs a date range (Dates) to compare with another")
	}
	now := c.now()
	from, to, err := req.Dates.Range.Resolve(now)
	if err != nil {
		return rel{}, invalid("compare: %v", err)
	}
	bfrom, bto, err := cmp.ComparisonPeriod(from, to, now)
	if err != nil {
		return rel{}, err
	}
	curSQL, curArgs, cur, err := c.aggregate(req)
	if err != nil {
		return rel{}, err
	}
	compared, err := c.comparedMetrics(cmp.Metrics, cur.cols)
	if err != nil {
		return rel{}, err
	}
	// The comparison period computes only the compared metrics.
	prevReq := req
	prevReq.Dates = &DateFilter{Dimension: req.Dates.Dimension, Range: Dates(bfrom, bto)}
	prevReq.Metrics = make([]string, 0, len(compared))
	k := 0 // the metric columns follow the request's metrics in order
	for i, col := range cur.cols {
		if col.Role != RoleMetric {
			continue
		}
		if compared[i] {
			prevReq.Metrics = append(prevReq.Metrics, req.Metrics[k])
		}
		k++
	}
	prevSQL, prevArgs, _, err := c.aggregate(prevReq)
	if err != nil {
		return rel{}, err
	}
	dim, err := c.rangeDim(*req.Dates, semantic.Field{})
	if err != nil {
		return rel{}, err
	}
	s.with("cur", curSQL, curArgs...)
	s.with("prev", prevSQL, prevArgs...)
	missing, err := c.periodFlags(s, dim, cmp.Data, [4]time.Time{from, to, bfrom, bto}, now)
	if err != nil {
		return rel{}, err
	}

	shift, err := c.timeShift(req, from, to, bfrom, bto)
	if err != nil {
		return rel{}, err
	}
	// The groups of either period — a full outer join of the two, written as
	// the union of their keys left-joined to each, which both engines run
	// with NULL-safe keys — or, when the comparison's Having keeps no group
	// without rows in the range, the range's groups with the comparison
	// period's left-joined (rangegroups.go). from1 names the groups' relation.
	rangeOnly := cmp.Having != nil && keepsRangeGroups(cmp.Having, c.zeroedMetrics(cur.cols))
	from1 := `"k"`
	if rangeOnly {
		from1 = `"cur"`
	}
	var items, keys, pkeys, on, pon []string
	var cols []Column
	for i, col := range cur.cols {
		ref, bref := `"cur".`+col.quoted, `"prev".`+col.quoted
		if col.Role != RoleMetric {
			key := bref
			if col.Role == RoleTime {
				key = shift(bref)
			}
			keys, pkeys = append(keys, ref), append(pkeys, key+" AS "+col.quoted)
			on = append(on, ref+` IS NOT DISTINCT FROM "k".`+col.quoted)
			pon = append(pon, key+` IS NOT DISTINCT FROM `+from1+`.`+col.quoted)
			items = append(items, from1+`.`+col.quoted)
			cols = append(cols, col)
			continue
		}
		f, _ := c.model.Lookup(col.Field, semantic.KindMetric)
		zero := c.additivityOf(f) != nonAdditive
		t := typOf(col)
		val := func(r string) string {
			if zero {
				return c.castTo("COALESCE("+r+", 0)", t)
			}
			return r
		}
		items = append(items, val(ref)+" AS "+col.quoted)
		cols = append(cols, col)
		if !compared[i] {
			continue
		}
		base := "CASE WHEN " + `"p"."base_missing"` + " THEN NULL ELSE " + val(bref) + " END"
		switch missing {
		case flagFalse:
			base = val(bref)
		case flagTrue:
			base = c.castTo("NULL", t)
		}
		bc := c.layerCol(col.Name+"_base", t, col.Field, RoleBase)
		dc := c.layerCol(col.Name+"_delta", t, col.Field, RoleDelta)
		pc := c.layerCol(col.Name+"_pct", typ{kind: KindDecimal, scale: 4}, col.Field, RolePct)
		delta := "(" + val(ref) + " - " + base + ")"
		items = append(items, c.castTo(base, t)+" AS "+bc.quoted, c.castTo(delta, t)+" AS "+dc.quoted,
			c.d.DivRound(delta, base, col.Scale, col.Scale, 4)+" AS "+pc.quoted)
		cols = append(cols, bc, dc, pc)
	}
	pf, bf := c.layerCol("partial", tBool, "", RoleFlag), c.layerCol("base_partial", tBool, "", RoleFlag)
	items = append(items, `"p"."partial" AS `+pf.quoted, `"p"."base_partial" AS `+bf.quoted)
	cols = append(cols, pf, bf)
	join := `"p" LEFT JOIN "cur" ON 1 = 1 LEFT JOIN "prev" ON 1 = 1` // one row each, or none
	switch {
	case len(keys) > 0 && rangeOnly:
		join = `"cur" LEFT JOIN "prev" ON ` + strings.Join(pon, " AND ") + ` CROSS JOIN "p"`
	case len(keys) > 0:
		s.with("k", "SELECT "+strings.Join(keys, ", ")+` FROM "cur" UNION SELECT `+strings.Join(pkeys, ", ")+` FROM "prev"`)
		join = `"k" LEFT JOIN "cur" ON ` + strings.Join(on, " AND ") + ` LEFT JOIN "prev" ON ` + strings.Join(pon, " AND ") + ` CROSS JOIN "p"`
	}
	s.with("g", "SELECT "+strings.Join(items, ", ")+" FROM "+join)
	return rel{name: "g", cols: cols, fields: cur.fields, route: cur.route}, nil
}

// comparedMetrics marks, by column index, the metrics to compare.
func (c *Compiler) comparedMetrics(names []string, cols []Column) (map[int]bool, error) {
	out := map[int]bool{}
	for i, col := range cols {
		if col.Role == RoleMetric && len(names) == 0 {
			out[i] = true
		}
	}
	for _, n := range names {
		i, _, err := c.metricCol(cols, n, "compare")
		if err != nil {
			return nil, err
		}
		out[i] = true
	}
	return out, nil
}

// flag is a fact the compiler knows before the statement runs, or not.
type flag int

// The flags.
const (
	flagUnknown flag = iota // read by the statement
	flagFalse
	flagTrue
)

func flagOf(b bool) flag {
	if b {
		return flagTrue
	}
	return flagFalse
}

// periodFlags writes the CTE "p": whether each period (the range from–to and
// the comparison period bfrom–bto, in p) runs past the data's first or last
// day (or, for the range, past today), and whether the comparison period holds
// no day of data at all. The data's days are data when given: then the flags
// are known here and bound as values, and so is whether the comparison period
// holds no day of data (returned, and not a column of "p"). Else they are the
// time dimension's MIN and MAX over its table (CTE "b"), and the statement
// computes the flags.
func (c *Compiler) periodFlags(s *stmt, dim semantic.Field, data *DateRange, p [4]time.Time, now time.Time) (flag, error) {
	from, to, bfrom, bto, today := p[0], p[1], p[2], p[3], day(now)
	if data != nil {
		lo, hi, err := data.Resolve(now)
		if err != nil {
			return flagUnknown, invalid("compare: data: %v", err)
		}
		partial := from.Before(lo) || to.After(hi) || to.After(today)
		basePartial := bfrom.Before(lo) || bto.After(hi)
		ph := c.d.Cast("?", dialect.Bool())
		s.with("p", "SELECT "+ph+` AS "partial", `+ph+` AS "base_partial"`, partial, basePartial)
		return flagOf(bto.Before(lo) || bfrom.After(hi)), nil
	}
	t := c.tables[strings.ToLower(dim.Table)]
	x := c.render(dim).sql
	if dim.DataType.Family() == semantic.FamilyTimestamp {
		x = c.d.Cast(x, dialect.Date())
	}
	s.with("b", "SELECT MIN("+x+`) AS "lo", MAX(`+x+`) AS "hi" FROM `+t.ref+" AS "+t.alias)
	ph := c.phDate
	outside := func(clock bool) string {
		e := "COALESCE(" + ph + ` < "lo" OR ` + ph + ` > "hi", TRUE)`
		if clock {
			e = "(" + e + " OR " + ph + " > " + ph + ")"
		}
		return e
	}
	s.with("p", "SELECT "+outside(true)+` AS "partial", `+outside(false)+` AS "base_partial", COALESCE(`+ph+` < "lo" OR `+ph+` > "hi", TRUE) AS "base_missing" FROM "b"`,
		from, to, to, today, bfrom, bto, bto, bfrom)
	return flagUnknown, nil
}

// outFilter compiles a filter over output columns (a comparison's Having),
// reading them through alias, with every value bound.
func (c *Compiler) outFilter(f Filter, cols []Column, alias string) (string, []any, error) {
	if err := checkFilter(f, "compare having"); err != nil {
		return "", nil, err
	}
	var args []any
	var walk func(f Filter) (string, error)
	walk = func(f Filter) (string, error) {
		switch f := f.(type) {
		case Cmp:
			return c.outCmp(f, cols, alias, &args)
		case AndFilter, OrFilter:
			parts, op := []Filter(nil), " AND "
			if a, ok := f.(AndFilter); ok {
				parts = a
			} else {
				parts, op = f.(OrFilter), " OR "
			}
			if len(parts) == 0 {
				return "", invalid("compare having: an empty And or Or filter")
			}
			sqls := make([]string, len(parts))
			for i, p := range parts {
				var err error
				if sqls[i], err = walk(p); err != nil {
					return "", err
				}
			}
			return "(" + strings.Join(sqls, op) + ")", nil
		case NotFilter:
			if f.X == nil {
				return "", invalid("compare having: Not of nothing")
			}
			sql, err := walk(f.X)
			return "NOT (" + sql + ")", err
		}
		return "", invalid("compare having: unknown filter type %T", f)
	}
	sql, err := walk(f)
	return sql, args, err
}

// outCmp compiles one comparison on an output column.
func (c *Compiler) outCmp(f Cmp, cols []Column, alias string, args *[]any) (string, error) {
	if !f.Op.Valid() {
		return "", invalid("compare having on %s: unknown operator %q", f.Field, f.Op)
	}
	if err := f.arity(); err != nil {
		return "", invalid("compare having on %s: %v", f.Field, err)
	}
	col, ok := findColumn(cols, f.Field)
	if !ok {
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name
		}
		return "", invalid("compare having: %q is not an output column (columns: %s)", f.Field, strings.Join(names, ", "))
	}
	expr := alias + "." + col.quoted
	if f.Op == OpIsNull || f.Op == OpIsNotNull {
		return expr + " " + string(f.Op), nil
	}
	holders := make([]string, len(f.Values))
	for i, v := range f.Values {
		ph, arg, err := c.bind(typOf(col), v)
		if err != nil {
			return "", invalid("compare having on %s: value %d: %v", f.Field, i+1, err)
		}
		holders[i] = ph
		*args = append(*args, arg)
	}
	switch f.Op {
	case OpIn, OpNotIn:
		return expr + " " + string(f.Op) + " (" + strings.Join(holders, ", ") + ")", nil
	case OpBetween:
		return expr + " BETWEEN " + holders[0] + " AND " + holders[1], nil
	}
	return expr + " " + string(f.Op) + " " + holders[0], nil
}

// timeShift returns how a comparison period's time column is moved onto the
// range's, so that by month, say, January 2024 meets January 2025: by whole
// months when both periods are whole months and the grain is a month, quarter
// or year that the shift keeps whole; by days when the grain is a day, or a
// week and the shift is whole weeks. Anything else would let two periods fall
// on one, or one on none, and is refused.
func (c *Compiler) timeShift(req Request, from, to, bfrom, bto time.Time) (func(string) string, error) {
	if req.Time == nil {
		return func(s string) string { return s }, nil
	}
	g := req.Time.Grain
	months := (from.Year()-bfrom.Year())*12 + int(from.Month()-bfrom.Month())
	per := map[Grain]int{ByMonth: 1, ByQuarter: 3, ByYear: 12}[g]
	if per > 0 && bfrom.AddDate(0, months, 0).Equal(from) && bto.AddDate(0, 0, 1).AddDate(0, months, 0).Equal(to.AddDate(0, 0, 1)) &&
		from.Day() == 1 && months%per == 0 {
		return func(s string) string { return c.d.AddMonths(s, months) }, nil
	}
	days := int(from.Sub(bfrom) / (24 * time.Hour))
	if (g == ByDay || (g == ByWeek && days%7 == 0)) && int(to.Sub(bto)/(24*time.Hour)) == days {
		return func(s string) string { return c.d.AddDays(s, days) }, nil
	}
	return nil, invalid("compare by %s: the comparison period %s to %s does not map onto the range %s to %s period for period; compare whole months by month, quarter or year, or equal runs of days by day or whole weeks by week",
		g, bfrom.Format(time.DateOnly), bto.Format(time.DateOnly), from.Format(time.DateOnly), to.Format(time.DateOnly))
}
