package query

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Rank numbers the result's groups by a metric — the best seller per category
// is Rank{By: "revenue", Within: []string{"category"}, Top: 1} over a request
// by category and product — and can keep the first Top of each partition.
//
// Ties are broken deterministically: by the metric, then by every other
// dimension and time column ascending, so positions are 1, 2, 3 … and the same
// on both engines; with Ties, tied groups share a position (1, 1, 3) and every
// group tied at the cut is kept. NULL metrics rank last.
//
// With Other, each partition gets one more row holding everything below the
// cut: the sum of its parts for each metric, rank NULL, other true and
// other_count the number of parts, so the rows of a partition sum to its
// whole. Only sums and counts add up that way: an Other row of a ratio, an
// average or a distinct count is refused with an [InexactError].
type Rank struct {
	// By is the metric ranked by — or a comparison's column, such as
	// "revenue_delta"; empty means the request's first metric.
	By string
	// Bottom ranks the smallest first.
	Bottom bool
	// Within names the dimensions (or the time column) of the partition.
	Within []string
	// Top keeps the first Top of each partition; zero keeps every group.
	Top int
	// Ties gives tied groups the same position (RANK instead of ROW_NUMBER).
	Ties bool
	// Other adds the remainder row of each partition; it needs Top.
	Other bool
	// As names the rank column; empty means "rank".
	As string
}

func (r *Rank) name() string {
	if r.As != "" {
		return r.As
	}
	return "rank"
}

// rankCol is the rank's column in w and what the final SELECT needs of it.
type rankCol struct {
	col    Column
	within []string // the partition's quoted column names
	other  bool
}

// rankItem adds the rank column to w and, without an Other row, the cut as
// QUALIFY (both engines have it).
func (c *Compiler) rankItem(req Request, g rel, w *stage2) (*rankCol, error) {
	r := req.Rank
	if r == nil {
		return nil, nil
	}
	switch {
	case r.Top < 0:
		return nil, invalid("rank: top cannot be negative")
	case r.Other && r.Top == 0:
		return nil, invalid("rank: an Other row needs Top, the number of groups to keep")
	}
	by, err := c.rankBy(r, g.cols)
	if err != nil {
		return nil, err
	}
	part, order, within, err := c.rankOrder(r, g, by)
	if err != nil {
		return nil, err
	}
	rc := &rankCol{other: r.Other, within: within}
	fn := "ROW_NUMBER()"
	if r.Ties {
		fn = "RANK()"
	}
	win := c.d.Cast(fn+over(part, order, ""), dialect.Int())
	rc.col = c.layerCol(r.name(), tInt, g.cols[by].Field, RoleRank)
	if _, taken := findColumn(w.cols, rc.col.Name); taken {
		return nil, invalid("rank: a column is already called %q; name the rank with As", rc.col.Name)
	}
	w.items = append(w.items, win+" AS "+rc.col.quoted)
	w.cols = append(w.cols, rc.col)
	if r.Top > 0 && !r.Other {
		w.keep = " QUALIFY " + fn + over(part, order, "") + " <= " + strconv.Itoa(r.Top)
	}
	return rc, nil
}

// rankOrder returns a rank's partition and order over g's columns (alias x),
// ranked by column by,
// and the quoted names of the partition's columns: the metric first, ties
// broken by the other dimension and time columns ascending (unless Ties).
func (c *Compiler) rankOrder(r *Rank, g rel, by int) (part, order, within []string, err error) {
	dir := " DESC NULLS LAST"
	if r.Bottom {
		dir = " ASC NULLS LAST"
	}
	if part, err = partition(g.cols, r.Within, "x", "rank"); err != nil {
		return nil, nil, nil, err
	}
	order = []string{g.col("x", by) + dir}
	for i, col := range g.cols {
		if col.Role != RoleDimension && col.Role != RoleTime {
			continue
		}
		if contains(part, g.col("x", i)) {
			within = append(within, col.quoted)
			continue
		}
		if !r.Ties {
			order = append(order, g.col("x", i)+" ASC NULLS LAST")
		}
	}
	return part, order, within, nil
}

// rankBy finds the column ranked by: an output column by name, or a metric.
func (c *Compiler) rankBy(r *Rank, cols []Column) (int, error) {
	if r.By == "" {
		for i, col := range cols {
			if col.Role == RoleMetric {
				return i, nil
			}
		}
		return 0, invalid("rank: the request has no metric to rank by")
	}
	for i, col := range cols {
		switch col.Role {
		case RoleMetric, RoleBase, RoleDelta, RolePct:
			if strings.EqualFold(col.Name, r.By) {
				return i, nil
			}
		}
	}
	i, _, err := c.metricCol(cols, r.By, "rank")
	return i, err
}
