package query

import (
	"strconv"
	"strings"
)

// CompileKept compiles req and keeps the rows of its result whose metric
// keep.Field compares with keep's one value: "the reps at 100% of their quota
// or more" is the request for revenue, quota and attainment by rep with keep
// Ge("quota_attainment", "1"). Unlike Having it applies to the request's
// result, so it also applies to metrics of several tables (whose Having the
// planner refuses). req's order and limit apply to the rows kept; it takes no
// analysis layer.
func (c *Compiler) CompileKept(req Request, keep Cmp) (*Query, error) {
	inner, where, args, err := c.kept(req, keep)
	if err != nil {
		return nil, err
	}
	items := make([]string, len(inner.Columns))
	for i, col := range inner.Columns {
		items[i] = `"kept".` + col.quoted
	}
	var order []string
	for _, o := range req.OrderBy {
		col, ok := findColumn(inner.Columns, o.Field)
		if !ok {
			return nil, invalid("kept rows: order by %q: not a column of the request", o.Field)
		}
		dir := " ASC"
		if o.Desc {
			dir = " DESC"
		}
		order = append(order, `"kept".`+col.quoted+dir+" NULLS LAST")
	}
	for _, col := range inner.Columns {
		if col.Role != RoleMetric {
			order = append(order, `"kept".`+col.quoted+" ASC NULLS LAST") // then by the groups, deterministic
		}
	}
	sql := "SELECT " + strings.Join(items, ", ") + " FROM (" + inner.SQL + `) AS "kept" WHERE ` + where
	if len(order) > 0 {
		sql += " ORDER BY " + strings.Join(order, ", ")
	}
	if req.Limit > 0 {
		sql += " LIMIT " + strconv.Itoa(req.Limit)
	}
	return &Query{SQL: sql, Args: append(inner.Args, args...), Columns: inner.Columns, Fields: inner.Fields, Dialect: c.d, model: c.model, Route: inner.Route}, nil
}

// CompileCountGroups compiles the number of rows req returns that keep keeps
// (every row when keep.Field is empty), as one row with one integer column
// named as: "how many reps hit their quota in 2025" counts the rows
// CompileKept keeps. req must group (dimensions or a time grain) and takes no
// order, limit or analysis layer.
func (c *Compiler) CompileCountGroups(req Request, keep Cmp, as string) (*Query, error) {
	return c.CompileCountGroupsBy(req, keep, as, nil)
}

// kept compiles req alone (no order, no limit) and the condition, over its
// result aliased "kept", that keep sets on one of its metric columns.
func (c *Compiler) kept(req Request, keep Cmp) (*Query, string, []any, error) {
	switch {
	case req.layered() || req.Offset != 0:
		return nil, "", nil, invalid("kept rows: the request takes no analysis layer or offset")
	case len(keep.Values) != 1:
		return nil, "", nil, invalid("kept rows: %.40q compares with one value, not %d", keep.Field, len(keep.Values))
	}
	var op string
	switch keep.Op {
	case OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		op = string(keep.Op)
	default:
		return nil, "", nil, invalid("kept rows: operator %q is not a comparison", keep.Op)
	}
	value := keep.Values[0]
	if text, ok := value.(string); ok {
		value = strings.TrimSpace(text)
	}
	v, err := exactNumber(value)
	if err == nil {
		err = scaleBound(v)
	}
	if err != nil {
		return nil, "", nil, invalid("kept rows: %.40q: %.80v", keep.Field, err)
	}
	req.OrderBy, req.Limit = nil, 0
	inner, err := c.Compile(req)
	if err != nil {
		return nil, "", nil, err
	}
	col, ok := findColumn(inner.Columns, keep.Field)
	if !ok || col.Role != RoleMetric {
		return nil, "", nil, invalid("kept rows: %.40q is not a metric of the request", keep.Field)
	}
	return inner, `"kept".` + col.quoted + " " + op + " " + c.castTo("?", typ{kind: KindDecimal, scale: max(col.Scale, int(-v.Exponent()))}), []any{v}, nil
}
