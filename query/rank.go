package query

import (
	"math"
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
//
// An Other row of one or two parts says less than the parts would: MinOther
// sets the fewest parts it may stand for, and a partition with fewer below the
// cut lists them all instead. With Top 10 and MinOther 4, eleven to thirteen
// groups are listed whole and fourteen are ten and Other (4); a client showing
// people a leaderboard wants that, and a bottom-N list wants no Other row at
// all (its remainder is nearly the whole).
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
	// MinOther is the fewest parts an Other row stands for: a partition with
	// fewer groups below the cut lists them instead. Zero or 1 makes an Other
	// row of any remainder; it needs Other.
	MinOther int
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
	keep   string // the Other row's cut over "w": the rows listed…
	fold   string // …and the rows it folds
}

// rankItem adds the rank column to w and, without an Other row, the cut as
// QUALIFY (both engines have it).
func (c *Compiler) rankItem(req Request, g rel, w *stage2) (*rankCol, error) {
	r := req.Rank
	if r == nil {
		return nil, nil
	}
	if err := r.check(); err != nil {
		return nil, err
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
	if r.Other {
		rc.keep, rc.fold = c.otherCut(r, rc.col, part, w)
	}
	return rc, nil
}

// check refuses a rank whose numbers contradict each other.
func (r *Rank) check() error {
	switch {
	case r.Top < 0:
		return invalid("rank: top cannot be negative")
	case r.Top > math.MaxInt32 || r.MinOther > math.MaxInt32:
		return invalid("rank: top and min other are at most %d", math.MaxInt32)
	case r.Other && r.Top == 0:
		return invalid("rank: an Other row needs Top, the number of groups to keep")
	case r.MinOther < 0:
		return invalid("rank: min other cannot be negative")
	case r.MinOther > 0 && !r.Other:
		return invalid("rank: min other needs Other, the row it bounds")
	}
	return nil
}

// otherCut is the conditions over "w" of the rows an Other request lists and
// of those its Other row folds: the first Top of each partition and the rest
// — or every row of a partition with fewer than Top+MinOther groups (its
// remainder is too few parts for an Other row), which a hidden column of w
// counts.
func (c *Compiler) otherCut(r *Rank, rank Column, part []string, w *stage2) (keep, fold string) {
	top := strconv.Itoa(r.Top)
	keep, fold = `"w".`+rank.quoted+" <= "+top, `"w".`+rank.quoted+" > "+top
	if r.MinOther <= 1 {
		return keep, fold
	}
	parts := c.d.Quote("__parts")
	w.items = append(w.items, "COUNT(*)"+over(part, nil, "")+" AS "+parts)
	many := `"w".` + parts + " >= " + strconv.Itoa(r.Top+r.MinOther)
	return "(" + keep + " OR NOT " + many + ")", fold + " AND " + many
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
