package query

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// A top-N list with an Other row over the whole result (no partition, no
// ties) keeps its first N groups with ORDER BY … LIMIT N — a heap of N rows —
// rather than numbering every group with a window, which sorts them all: the
// top customers of a year are ten of a hundred thousand. The Other row is then
// the whole's totals less the top's, and its count the groups less N:
//
//	WITH "g" AS (<the aggregate>)
//	   , "t" AS (SELECT … FROM "g" ORDER BY <rank order> LIMIT N)
//	   , "a" AS (SELECT SUM(m), COUNT(m) …, COUNT(*) FROM "g")   -- the whole
//	   , "w" AS (SELECT …, ROW_NUMBER() OVER (ORDER BY <rank order>) FROM "t")
//	SELECT … FROM "w" CROSS JOIN "a"
//	UNION ALL SELECT <a less w> … FROM "a" LEFT JOIN "w" ON 1 = 1 HAVING <groups> > N
//
// With Rank.MinOther m > 1, "t" keeps N+m-1 groups: when the whole has fewer
// than N+m, they are every group and all are listed, without an Other row;
// otherwise the first N are, and Other folds the rest.
//
// The rows are the window's: the same order (the metric, then every dimension
// ascending), the same sums (a remainder whose values are all NULL is NULL),
// the same shares of the same totals.

// topOther writes the top-N list of req with its Other row, when req asks for
// one over the whole result; ok is false when it does not, and the windowed
// path (analyse) writes it.
func (c *Compiler) topOther(s *stmt, req Request, g rel) (string, []Column, bool, error) {
	r := req.Rank
	if r == nil || !r.Other || r.Top <= 0 || len(r.Within) > 0 || r.Ties || len(req.Windows) > 0 || req.Compare != nil {
		return "", nil, false, nil
	}
	// The same checks, in the same order, as the windowed path.
	if err := r.check(); err != nil {
		return "", nil, true, err
	}
	shares, err := c.shareTotals(req, g, &stage2{cols: g.cols})
	if err != nil {
		return "", nil, true, err
	}
	by, err := c.rankBy(r, g.cols)
	if err != nil {
		return "", nil, true, err
	}
	_, order, _, err := c.rankOrder(r, g, by)
	if err != nil {
		return "", nil, true, err
	}
	rank := c.layerCol(r.name(), tInt, g.cols[by].Field, RoleRank)
	if _, taken := findColumn(g.cols, rank.Name); taken {
		return "", nil, true, invalid("rank: a column is already called %q; name the rank with As", rank.Name)
	}
	if err := otherShares(req); err != nil {
		return "", nil, true, err
	}
	for _, col := range g.cols {
		if col.Role != RoleMetric {
			continue
		}
		if err := c.otherSums(col); err != nil {
			return "", nil, true, err
		}
	}
	body, cols := c.topOtherSQL(s, req, g, order, rank, shares)
	return body, cols, true, nil
}

// topOtherSQL writes the CTEs t, a and w and returns the final SELECT and its
// columns: g's, the rank, the shares, other and other_count.
func (c *Compiler) topOtherSQL(s *stmt, req Request, g rel, order []string, rank Column, shares []shareCol) (string, []Column) {
	q := c.d.Quote
	top := strconv.Itoa(req.Rank.Top)
	// With MinOther, t keeps the MinOther-1 groups after the cut as well: when
	// they are all there is, they are listed instead of an Other row.
	limit, many, cut := top, " > "+top, ""
	if m := req.Rank.MinOther; m > 1 {
		limit = strconv.Itoa(req.Rank.Top + m - 1)
		many = " >= " + strconv.Itoa(req.Rank.Top+m)
		cut = " WHERE \"w\"." + rank.quoted + " <= " + top + ` OR "a"."__groups" < ` + strconv.Itoa(req.Rank.Top+m)
	}
	items := make([]string, len(g.cols))
	var whole []string
	for i, col := range g.cols {
		items[i] = g.col("x", i)
		if col.Role == RoleMetric {
			whole = append(whole, "SUM("+items[i]+") AS "+q(wholeSum(i)), "COUNT("+items[i]+") AS "+q(wholeCount(i)))
		}
	}
	whole = append(whole, `COUNT(*) AS "__groups"`)
	s.with("t", "SELECT "+strings.Join(items, ", ")+" FROM "+q(g.name)+" AS x ORDER BY "+strings.Join(order, ", ")+" LIMIT "+limit)
	s.with("a", "SELECT "+strings.Join(whole, ", ")+" FROM "+q(g.name)+" AS x")
	s.with("w", "SELECT "+strings.Join(items, ", ")+", "+c.d.Cast("ROW_NUMBER()"+over(nil, order, ""), dialect.Int())+" AS "+rank.quoted+` FROM "t" AS x`)

	cols := append(append([]Column(nil), g.cols...), rank)
	keep := make([]string, 0, len(cols)+len(shares)+2)
	rest := make([]string, 0, len(cols)+len(shares)+2)
	for i, col := range g.cols {
		ref := `"w".` + col.quoted
		keep = append(keep, ref)
		if col.Role != RoleMetric {
			rest = append(rest, "NULL")
			continue
		}
		rest = append(rest, c.castTo(c.remainder(i, ref), typOf(col)))
	}
	keep, rest = append(keep, `"w".`+rank.quoted), append(rest, "NULL")
	for _, sh := range shares {
		m := g.cols[sh.metric]
		total := `"a".` + q(wholeSum(sh.metric))
		keep = append(keep, c.d.DivRound(`"w".`+m.quoted, total, m.Scale, m.Scale, 4)+" AS "+sh.col.quoted)
		rest = append(rest, c.d.DivRound(c.remainder(sh.metric, `"w".`+m.quoted), "MAX("+total+")", m.Scale, m.Scale, 4))
		cols = append(cols, sh.col)
	}
	flag, count := c.layerCol("other", tBool, "", RoleFlag), c.layerCol("other_count", tInt, "", RoleFlag)
	keep = append(keep, "FALSE AS "+flag.quoted, c.d.Cast("0", dialect.Int())+" AS "+count.quoted)
	rest = append(rest, "TRUE", c.d.Cast(`MAX("a"."__groups") - COUNT("w".`+rank.quoted+")", dialect.Int()))
	on := "1 = 1"
	if cut != "" {
		on = `"w".` + rank.quoted + " <= " + top
	}
	body := "SELECT * FROM (SELECT " + strings.Join(keep, ", ") + ` FROM "w" CROSS JOIN "a"` + cut +
		" UNION ALL SELECT " + strings.Join(rest, ", ") + ` FROM "a" LEFT JOIN "w" ON ` + on + ` HAVING MAX("a"."__groups")` + many + ") AS " + q("r")
	return body, append(cols, flag, count)
}

// remainder is the sum of metric column i over the groups below the cut: the
// whole's sum less the top's (ref), NULL when every value below the cut is.
func (c *Compiler) remainder(i int, ref string) string {
	sum, n := `MAX("a".`+c.d.Quote(wholeSum(i))+")", `MAX("a".`+c.d.Quote(wholeCount(i))+")"
	return "CASE WHEN " + n + " = COUNT(" + ref + ") THEN NULL ELSE " + sum + " - COALESCE(SUM(" + ref + "), 0) END"
}

func wholeSum(i int) string   { return "__sum_" + strconv.Itoa(i) }
func wholeCount(i int) string { return "__n_" + strconv.Itoa(i) }
