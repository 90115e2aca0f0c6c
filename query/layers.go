package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// The analysis layers — [Compare], [Share], [Rank], [Window] and [PerPeriod] —
// are built over the request's aggregate, never into it: the aggregate is
// compiled as it would be alone (one SELECT, whatever table answers it) and
// becomes the first CTE of the statement; each layer reads the relation before
// it. So a layer applies the same way whichever table the aggregate reads.
//
//	WITH "g" AS (<the aggregate>)            -- or the two periods, joined
//	   , "w" AS (SELECT …, <windows> FROM "g" [WHERE <change filter>])
//	SELECT … FROM "w" [QUALIFY / WHERE rank ≤ N] [UNION ALL <Other>] ORDER BY …

// The roles of the columns the layers add.
const (
	RoleBase   Role = "base"   // a compared metric in the comparison period
	RoleDelta  Role = "delta"  // its change: current − base
	RolePct    Role = "pct"    // the change as a fraction of the base
	RoleShare  Role = "share"  // a metric's share of a total
	RoleRank   Role = "rank"   // a position
	RoleWindow Role = "window" // a running, moving or to-date figure
	RoleFlag   Role = "flag"   // partial periods, the Other row and its count
)

// ErrInexact is matched (errors.Is) by the error of a request whose layer
// cannot be computed exactly from its metric, such as an Other row of averages;
// it also matches ErrInvalidRequest.
var ErrInexact = errors.New("query: not exactly computable")

// InexactError names the layer and the metric that cannot be computed exactly,
// and why.
type InexactError struct {
	Layer  string // "share", "other", "window", "per period"
	Metric string
	Reason string
}

// Error says which layer of which metric is refused, and why.
func (e *InexactError) Error() string {
	return fmt.Sprintf("query: invalid request: %s of %s cannot be computed exactly: %s", e.Layer, e.Metric, e.Reason)
}

// Is makes the error match ErrInexact and ErrInvalidRequest.
func (e *InexactError) Is(target error) bool {
	return target == ErrInexact || target == ErrInvalidRequest
}

// additivity says how a metric behaves over groups of rows.
type additivity uint8

const (
	// nonAdditive: neither summed across groups nor zero over no rows (a
	// ratio, an average, a minimum).
	nonAdditive additivity = iota
	// zeroWhenEmpty: zero over no rows, but not a sum of its groups
	// (a distinct count of anything but the base table's key).
	zeroWhenEmpty
	// additive: a sum or count, so its groups' values sum to the whole.
	additive
)

// additivityOf classifies a metric by its rendered aggregate: SUM, COUNT or
// COUNT_IF of the whole expression is additive, unless DISTINCT (a distinct
// count of the base table's key renders without DISTINCT: it is a count).
func (c *Compiler) additivityOf(f semantic.Field) additivity {
	if f.Kind == semantic.KindFact {
		return additive
	}
	sql := unparen(c.fields[f.Index].sql)
	for _, fn := range []string{"SUM(", "COUNT(", "COUNT_IF("} {
		if strings.HasPrefix(sql, fn) && closes(sql, len(fn)-1) == len(sql)-1 {
			if strings.HasPrefix(sql[len(fn):], "DISTINCT ") {
				return zeroWhenEmpty
			}
			return additive
		}
	}
	return nonAdditive
}

// layered reports whether r asks for any analysis layer.
func (r Request) layered() bool {
	return r.Compare != nil || len(r.Shares) > 0 || r.Rank != nil || len(r.Windows) > 0 || r.PerPeriod != nil
}

// stmt assembles a layered statement: its CTEs and their arguments, in the
// order the placeholders appear.
type stmt struct {
	c    *Compiler
	ctes []string
	args []any
}

// with adds a CTE named name.
func (s *stmt) with(name, sql string, args ...any) {
	s.ctes = append(s.ctes, s.c.d.Quote(name)+" AS ("+sql+")")
	s.args = append(s.args, args...)
}

// sql returns WITH … and body.
func (s *stmt) sql(body string) string { return "WITH " + strings.Join(s.ctes, ", ") + " " + body }

// rel is a relation of the statement: a CTE and its columns.
type rel struct {
	name   string
	cols   []Column
	fields []string // the model fields the aggregate read
	route  Route    // the table that answered the aggregate
}

// col returns column i of r, qualified by alias.
func (r rel) col(alias string, i int) string { return alias + "." + r.cols[i].quoted }

// aggregate compiles req's aggregate alone — no order, no paging, no layer —
// as the SELECT every layer reads, with its columns and fields.
func (c *Compiler) aggregate(req Request) (string, []any, rel, error) {
	req.OrderBy, req.Limit, req.Offset = nil, 0, 0
	req.Compare, req.Shares, req.Rank, req.Windows, req.PerPeriod = nil, nil, nil, nil, nil
	p, route, err := c.planRouted(req) // the smallest mart that answers the aggregate exactly
	if errors.Is(err, errSeveralTables) {
		return "", nil, rel{}, invalid("analysis layers: the metrics come from several tables; a layer reads one table's aggregate")
	}
	if err != nil {
		return "", nil, rel{}, err
	}
	p.order = nil
	sql, args, err := c.renderSQL(p)
	return sql, args, rel{cols: p.columns, fields: p.fields, route: route}, err
}

// compileLayers compiles a request with analysis layers.
func (c *Compiler) compileLayers(req Request) (*Query, error) {
	if req.PerPeriod != nil {
		return c.compilePerPeriod(req)
	}
	if err := checkCombination(req); err != nil {
		return nil, err
	}
	s := &stmt{c: c}
	var g rel
	var err error
	if req.Compare != nil {
		g, err = c.compareRel(s, req)
	} else {
		var sql string
		var args []any
		if sql, args, g, err = c.aggregate(req); err == nil {
			g.name = "g"
			s.with(g.name, sql, args...)
		}
	}
	if err != nil {
		return nil, err
	}
	if len(req.Windows) > 0 {
		if g, err = c.fill(s, req, g); err != nil {
			return nil, err
		}
	}
	body, cols, err := c.analyse(s, req, g)
	if err != nil {
		return nil, err
	}
	order, err := c.orderBy(defaultLayerOrder(req, cols), cols)
	if err != nil {
		return nil, err
	}
	if len(order) > 0 {
		body += " ORDER BY " + strings.Join(order, ", ")
	}
	if req.Limit < 0 || req.Offset < 0 {
		return nil, invalid("limit and offset cannot be negative")
	}
	if req.Limit > 0 {
		body += " LIMIT " + strconv.Itoa(req.Limit)
	}
	if req.Offset > 0 {
		body += " OFFSET " + strconv.Itoa(req.Offset)
	}
	return &Query{SQL: s.sql(body), Args: s.args, Columns: cols, Fields: g.fields, Dialect: c.d, model: c.model, Route: g.route}, nil
}

// MaxLayerColumns bounds the shares and windows of one request.
const MaxLayerColumns = 64

// checkCombination refuses layers that do not go together, too many of them,
// and column names a layer cannot take.
func checkCombination(req Request) error {
	names := make([]string, 0, len(req.Shares)+len(req.Windows)+1)
	for _, sh := range req.Shares {
		names = append(names, sh.As)
	}
	for _, w := range req.Windows {
		names = append(names, w.As)
	}
	if req.Rank != nil {
		names = append(names, req.Rank.As)
	}
	for _, n := range names {
		if strings.HasPrefix(n, "__") || len(n) > 128 {
			return invalid("a layer's column name %.40q must not start with __ nor be longer than 128 bytes", n)
		}
	}
	switch {
	case len(req.Shares)+len(req.Windows) > MaxLayerColumns:
		return invalid("a request takes at most %d shares and windows, not %d", MaxLayerColumns, len(req.Shares)+len(req.Windows))
	case len(req.Windows) > 0 && req.Compare != nil:
		return invalid("windows and a comparison cannot be combined in one request")
	case req.Rank != nil && req.Rank.Other && (req.Compare != nil || len(req.Windows) > 0):
		return invalid("rank: an Other row goes with plain metrics and shares, not with a comparison or windows")
	}
	return nil
}

// defaultLayerOrder is the request's order, or else: a rank's partition, the
// rank, then the rest (dimensions and time) as the base path orders them.
func defaultLayerOrder(req Request, cols []Column) []Order {
	if len(req.OrderBy) > 0 || req.Rank == nil {
		return req.OrderBy
	}
	out := make([]Order, 0, len(req.Rank.Within)+1)
	for _, w := range req.Rank.Within {
		out = append(out, Asc(w))
	}
	return append(out, Asc(req.Rank.name()))
}

// metricCol finds the output column of a metric named as the request named
// it, or by the model's name or a synonym.
func (c *Compiler) metricCol(cols []Column, name, what string) (int, semantic.Field, error) {
	f, err := c.lookup(what, name, semantic.KindMetric)
	if err != nil {
		return 0, f, err
	}
	for i, col := range cols {
		if col.Role == RoleMetric && (col.Field == c.names[f.Index]) {
			return i, f, nil
		}
	}
	return 0, f, invalid("%s: %s is not a metric of the request", what, name)
}

// partition resolves the output columns named in within (dimensions or the
// time column) to their quoted names in alias.
func partition(cols []Column, within []string, alias, what string) ([]string, error) {
	out := make([]string, len(within))
	for i, w := range within {
		col, ok := findColumn(cols, w)
		if !ok || (col.Role != RoleDimension && col.Role != RoleTime) {
			return nil, invalid("%s: within %q: not a dimension or time column of the request", what, w)
		}
		out[i] = alias + "." + col.quoted
	}
	return out, nil
}

// over renders a window's OVER clause.
func over(part, order []string, frame string) string {
	var b strings.Builder
	b.WriteString(" OVER (")
	if len(part) > 0 {
		b.WriteString("PARTITION BY " + strings.Join(part, ", "))
	}
	if len(order) > 0 {
		if len(part) > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("ORDER BY " + strings.Join(order, ", "))
	}
	if frame != "" {
		b.WriteString(" " + frame)
	}
	b.WriteByte(')')
	return b.String()
}

// layerCol returns a column a layer adds.
func (c *Compiler) layerCol(name string, t typ, field string, role Role) Column {
	return Column{Name: name, Kind: t.kind, Scale: t.scale, Field: field, Role: role, quoted: c.d.Quote(name)}
}

// typOf returns a column's type.
func typOf(col Column) typ { return typ{kind: col.Kind, scale: col.Scale} }
