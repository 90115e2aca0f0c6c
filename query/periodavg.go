package query

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// PerPeriod asks for each metric's average per period of a grain over the
// request's date range — mean revenue per month over a year, orders per week
// in a quarter: the metric at the grain, averaged over ALL the range's
// periods, a period without rows counting as zero. A request by region gives
// each region's average per period.
//
// The periods are those of the grain that the range touches, up to the
// clock's today (the range's first and last may be partial periods: their
// rows count, and each counts as one period). Averaging over them all with
// empty ones as zero is the sum of the per-period values divided by the
// number of periods, which is how it is computed: the periods are counted in
// Go, not looked up in the data, so empty ones count. The quotient is exact,
// rounded half away from zero to the metric's scale (four places for counts).
//
// Only metrics that are zero over no rows — sums and counts, distinct counts
// included — have an average per period; a ratio or an average of an empty
// period is not zero, and is refused with an [InexactError]. Output columns
// are the dimensions and <metric>_per_<grain>.
type PerPeriod struct {
	// Grain is the period: ByDay, ByWeek, ByMonth, ByQuarter or ByYear.
	Grain Grain
}

// compilePerPeriod compiles a request's averages per period.
func (c *Compiler) compilePerPeriod(req Request) (*Query, error) {
	pp := req.PerPeriod
	switch {
	case req.Compare != nil || len(req.Shares) > 0 || req.Rank != nil || len(req.Windows) > 0:
		return nil, invalid("per period: averages per period go with no other layer")
	case req.Time != nil:
		return nil, invalid("per period: the grain is the averages' period; the request cannot group by time too")
	case req.Dates == nil:
		return nil, invalid("per period: the request needs a date range (Dates) whose periods are averaged over")
	case !pp.Grain.Valid():
		return nil, invalid("per period: time grain %q is not valid (valid: day, week, month, quarter, year)", pp.Grain)
	case req.Having != nil:
		return nil, invalid("per period: Having would filter the periods, not the averages; it is not supported here")
	}
	dim, err := c.rangeDim(*req.Dates, semantic.Field{})
	if err != nil {
		return nil, err
	}
	periods, err := c.periods(*req.Dates, pp.Grain)
	if err != nil {
		return nil, err
	}
	inner := req
	inner.Time = &TimeGrain{Dimension: c.names[dim.Index], Grain: pp.Grain}
	sql, args, g, err := c.aggregate(inner)
	if err != nil {
		return nil, err
	}
	s := &stmt{c: c}
	s.with("g", sql, args...)
	n := strconv.Itoa(len(periods))
	var items, group []string
	var cols []Column
	for i, col := range g.cols {
		switch col.Role {
		case RoleTime:
			continue
		case RoleDimension:
			items, group = append(items, g.col("x", i)), append(group, g.col("x", i))
			cols = append(cols, col)
			continue
		}
		f, _ := c.model.Lookup(col.Field, semantic.KindMetric)
		if c.additivityOf(f) == nonAdditive {
			return nil, &InexactError{Layer: "per period", Metric: col.Name, Reason: "a period without rows has no value of it, not zero (only sums and counts are zero there)"}
		}
		t := typ{kind: KindDecimal, scale: divisionScale(typOf(col))}
		out := c.layerCol(col.Name+"_per_"+string(pp.Grain), t, col.Field, RoleMetric)
		items = append(items, c.d.DivRound("COALESCE(SUM("+g.col("x", i)+"), 0)", n, col.Scale, 0, t.scale)+" AS "+out.quoted)
		cols = append(cols, out)
	}
	body := "SELECT " + strings.Join(items, ", ") + ` FROM "g" AS x`
	if len(group) > 0 {
		body += " GROUP BY " + strings.Join(group, ", ")
	}
	order, err := c.orderBy(req.OrderBy, cols)
	if err != nil {
		return nil, err
	}
	if len(order) > 0 {
		body += " ORDER BY " + strings.Join(order, ", ")
	}
	if req.Limit > 0 {
		body += " LIMIT " + strconv.Itoa(req.Limit)
	}
	if req.Offset > 0 {
		body += " OFFSET " + strconv.Itoa(req.Offset)
	}
	return &Query{SQL: s.sql(body), Args: s.args, Columns: cols, Fields: g.fields, Dialect: c.d, model: c.model, Route: g.route}, nil
}
