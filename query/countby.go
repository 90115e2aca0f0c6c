package query

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// CompileCountGroupsBy compiles, for each value of the dimensions by, the
// number of rows req returns that keep keeps (every row when keep.Field is
// empty): one row per value, with by's columns and one integer column named
// as, in the order of by's values. "How many reps in each region" counts the
// rows of revenue by rep and region in each region; "how many reps hit their
// quota by region" the rows CompileKept keeps. by must be dimensions of req
// that leave at least one of its groups to count; with no by it is
// CompileCountGroups, one row.
func (c *Compiler) CompileCountGroupsBy(req Request, keep Cmp, as string, by []string) (*Query, error) {
	switch {
	case len(req.Dimensions) == 0 && req.Time == nil:
		return nil, invalid("count of groups: the request has no groups to count; give it dimensions or a time grain")
	case req.Limit != 0 || req.Offset != 0 || len(req.OrderBy) > 0:
		return nil, invalid("count of groups: the request takes no order, limit or offset")
	case as == "" || strings.HasPrefix(as, "__") || len(as) > 128:
		return nil, invalid("count of groups: the column name %.40q must be given, not start with __ nor be longer than 128 bytes", as)
	case len(by) > 0 && len(by) >= len(req.Dimensions) && req.Time == nil:
		return nil, invalid("count of groups: counting by every group of the request leaves nothing to count")
	}
	for _, b := range by {
		if !slices.Contains(req.Dimensions, b) {
			return nil, invalid("count of groups by %.40q: not a dimension of the request", b)
		}
	}
	where := "TRUE"
	var inner *Query
	var args []any
	var err error
	if keep.Field != "" {
		inner, where, args, err = c.kept(req, keep)
	} else {
		inner, err = c.Compile(req)
	}
	if err != nil {
		return nil, err
	}
	cols := make([]Column, 0, len(by)+1)
	keys := make([]string, 0, len(by))
	for _, b := range by {
		col, ok := findColumn(inner.Columns, b)
		if !ok {
			return nil, invalid("count of groups by %.40q: not a column of the request", b)
		}
		cols = append(cols, col)
		keys = append(keys, `"kept".`+col.quoted)
	}
	count := c.layerCol(as, tInt, "", RoleMetric)
	cols = append(cols, count)
	sql := "SELECT " + strings.Join(append(slices.Clone(keys), c.d.Cast("COUNT(*)", dialect.Int())+" AS "+count.quoted), ", ") +
		" FROM (" + inner.SQL + `) AS "kept" WHERE ` + where
	if len(keys) > 0 {
		group := strings.Join(keys, ", ")
		sql += " GROUP BY " + group + " ORDER BY " + group
	}
	return &Query{SQL: sql, Args: append(inner.Args, args...), Columns: cols, Fields: inner.Fields, Dialect: c.d, model: c.model, Route: inner.Route}, nil
}
