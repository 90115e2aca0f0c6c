package query

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// stage2 is the windowed relation "w" over the grouped one: every column of g,
// the windows over the time grain, the rank, and hidden totals for shares.
type stage2 struct {
	items  []string // select items over alias "x"
	cols   []Column // visible columns of w, in order
	totals []string // hidden total columns, by share
	where  string   // the change filter, over alias "x"
	args   []any    // its arguments
	keep   string   // the rank cut when there is no Other row: QUALIFY …
}

// analyse writes the windowed relation over g and the final SELECT over it —
// the rank cut, the shares and the Other row — and returns the body and the
// result columns.
func (c *Compiler) analyse(s *stmt, req Request, g rel) (string, []Column, error) {
	if body, cols, ok, err := c.topOther(s, req, g); ok || err != nil {
		return body, cols, err
	}
	w := &stage2{cols: append([]Column(nil), g.cols...)}
	for i := range g.cols {
		w.items = append(w.items, g.col("x", i))
	}
	if req.Compare != nil && req.Compare.Having != nil {
		var err error
		if w.where, w.args, err = c.outFilter(req.Compare.Having, g.cols, "x"); err != nil {
			return "", nil, err
		}
	}
	if err := c.windowItems(req, g, w); err != nil {
		return "", nil, err
	}
	shares, err := c.shareTotals(req, g, w)
	if err != nil {
		return "", nil, err
	}
	rk, err := c.rankItem(req, g, w)
	if err != nil {
		return "", nil, err
	}
	sql := "SELECT " + strings.Join(w.items, ", ") + " FROM " + c.d.Quote(g.name) + " AS x"
	if w.where != "" {
		sql += " WHERE " + w.where
	}
	sql += w.keep
	s.with("w", sql, w.args...)

	// The final SELECT: w's visible columns and the shares, then the Other row.
	items := make([]string, 0, len(w.cols)+len(shares)+2)
	cols := append([]Column(nil), w.cols...)
	for i := range w.cols {
		items = append(items, `"w".`+w.cols[i].quoted)
	}
	for i, sh := range shares {
		m := w.cols[sh.metric]
		items = append(items, c.d.DivRound(`"w".`+m.quoted, `"w".`+c.d.Quote(w.totals[i]), m.Scale, m.Scale, 4)+" AS "+sh.col.quoted)
		cols = append(cols, sh.col)
	}
	body := "SELECT " + strings.Join(items, ", ") + " FROM " + c.d.Quote("w")
	if rk == nil || !rk.other {
		return body, cols, nil
	}
	return c.otherRow(req, w, shares, rk, items, cols)
}

// otherRow adds, per partition, the row of everything below the rank cut: the
// sums of its parts, their shares of the total, and how many they are.
func (c *Compiler) otherRow(req Request, w *stage2, shares []shareCol, rk *rankCol, items []string, cols []Column) (string, []Column, error) {
	q := c.d.Quote
	if err := otherShares(req); err != nil {
		return "", nil, err
	}
	flag, count := c.layerCol("other", tBool, "", RoleFlag), c.layerCol("other_count", tInt, "", RoleFlag)
	top := "SELECT " + strings.Join(items, ", ") + ", FALSE AS " + flag.quoted + ", " + c.d.Cast("0", dialect.Int()) + " AS " + count.quoted +
		" FROM " + q("w") + " WHERE " + rk.keep
	rest := make([]string, 0, len(items)+2)
	for _, col := range w.cols {
		ref := `"w".` + col.quoted
		switch {
		case contains(rk.within, col.quoted):
			rest = append(rest, ref)
		case col.Role == RoleMetric:
			if err := c.otherSums(col); err != nil {
				return "", nil, err
			}
			rest = append(rest, c.castTo("SUM("+ref+")", typOf(col)))
		default: // the other dimensions and the rank
			rest = append(rest, "NULL")
		}
	}
	for i, sh := range shares {
		m := w.cols[sh.metric]
		rest = append(rest, c.d.DivRound(`SUM("w".`+m.quoted+")", `MAX("w".`+q(w.totals[i])+")", m.Scale, m.Scale, 4))
	}
	rest = append(rest, "TRUE", c.d.Cast("COUNT(*)", dialect.Int()))
	other := "SELECT " + strings.Join(rest, ", ") + " FROM " + q("w") + " WHERE " + rk.fold
	if len(rk.within) > 0 {
		other += " GROUP BY " + strings.Join(prefixed(`"w".`, rk.within), ", ")
	} else {
		other += " HAVING COUNT(*) > 0" // no Other row when nothing is below the cut
	}
	return "SELECT * FROM (" + top + " UNION ALL " + other + ") AS " + q("r"), append(cols, flag, count), nil
}

// otherShares refuses a share beside an Other row that is not within the
// rank's partition: the Other row sums its partition's parts.
func otherShares(req Request) error {
	for _, sh := range req.Shares {
		for _, w := range sh.Within {
			if !slices.ContainsFunc(req.Rank.Within, func(r string) bool { return strings.EqualFold(r, w) }) {
				return invalid("rank: an Other row sums its partition's parts, so a share with it must be within the rank's partition, and %q is not", w)
			}
		}
	}
	return nil
}

// otherSums refuses an Other row over metric column col when its parts do not
// sum to the whole.
func (c *Compiler) otherSums(col Column) error {
	if f, _ := c.model.Lookup(col.Field); c.additivityOf(f) != additive {
		return &InexactError{Layer: "other", Metric: col.Name, Reason: "its parts do not sum to the whole (only sums and counts do); ask for the top N without an Other row"}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}
