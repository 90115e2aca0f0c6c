package query

import (
	"strconv"
	"strings"
)

// Share asks for a metric's share of a total, as an exact fraction rounded half
// away from zero to four places (0.1025 is 10.25%): of the whole result, or
// within a partition — "each category's share of its region" is Share{Metric:
// "revenue", Within: []string{"region"}} over a request by region and category.
// The total is the sum of the result's groups (after Having, before a rank's
// cut or Limit), so only metrics whose groups sum to the whole — sums and
// counts — have a share; a ratio or a distinct count is refused with an
// [InexactError].
type Share struct {
	// Metric is the metric, as the request names it.
	Metric string
	// Within names the dimensions (or the time column) of the partition; empty
	// means the whole result.
	Within []string
	// As names the column; empty means <metric>_share.
	As string
}

// shareCol is a share's output column and the index of its metric in w.
type shareCol struct {
	col    Column
	metric int
}

// shareTotals adds to w, for each share, a hidden column holding its total:
// the metric summed over the share's partition.
func (c *Compiler) shareTotals(req Request, g rel, w *stage2) ([]shareCol, error) {
	out := make([]shareCol, 0, len(req.Shares))
	for i, sh := range req.Shares {
		mi, f, err := c.metricCol(g.cols, sh.Metric, "share")
		if err != nil {
			return nil, err
		}
		if c.additivityOf(f) != additive {
			return nil, &InexactError{Layer: "share", Metric: g.cols[mi].Name, Reason: "its groups do not sum to the whole (only sums and counts do), so no total of the result holds it"}
		}
		part, err := partition(g.cols, sh.Within, "x", "share")
		if err != nil {
			return nil, err
		}
		total := "__total_" + strconv.Itoa(i)
		w.items = append(w.items, "SUM("+g.col("x", mi)+")"+over(part, nil, "")+" AS "+c.d.Quote(total))
		w.totals = append(w.totals, total)
		name := sh.As
		if name == "" {
			name = g.cols[mi].Name + "_share"
		}
		col := c.layerCol(name, typ{kind: KindDecimal, scale: 4}, g.cols[mi].Field, RoleShare)
		_, taken := findColumn(w.cols, name)
		for _, o := range out {
			taken = taken || strings.EqualFold(o.col.Name, name)
		}
		if taken {
			return nil, invalid("share of %s: a column is already called %q; name it with As", g.cols[mi].Name, name)
		}
		out = append(out, shareCol{col: col, metric: mi})
	}
	return out, nil
}
