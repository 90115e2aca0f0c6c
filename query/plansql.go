package query

import (
	"fmt"
	"strconv"
	"strings"

	sq "github.com/Masterminds/squirrel"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// renderSQL writes a plan as one SELECT statement in the compiler's dialect.
// The clauses are written straight into one buffer, in squirrel's layout; only
// the filters are squirrel expressions (sq.Sqlizer), for their bound values. A
// squirrel SelectBuilder would copy itself reflectively at every call, the
// larger part of a compile's time.
func (c *Compiler) renderSQL(p *plan) (string, []any, error) {
	tail, args, err := c.renderTail(p)
	if err != nil {
		return "", nil, err
	}
	return selectList(p, p.items) + tail, args, nil
}

// selectList writes the SELECT clause of a plan with the given items.
func selectList(p *plan, items []string) string {
	var b strings.Builder
	b.Grow(16 + 64*len(items))
	b.WriteString("SELECT ")
	if p.distinct && !p.grouped {
		b.WriteString("DISTINCT ")
	}
	writeList(&b, items, ", ")
	return b.String()
}

// renderTail writes every clause of a plan after its SELECT list: FROM and the
// joins, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.
func (c *Compiler) renderTail(p *plan) (string, []any, error) {
	var b strings.Builder
	b.Grow(256)
	b.WriteString(" FROM " + p.base.ref + " AS " + p.base.alias)
	for _, j := range p.joins {
		b.WriteString(" " + j.kind + " " + j.table.ref + " AS " + j.table.alias)
		if j.on != "" {
			b.WriteString(" ON " + j.on)
		}
	}
	args := append([]any(nil), p.fromArgs...)
	where := sq.Sqlizer(nil)
	switch len(p.where) {
	case 0:
	case 1:
		where = p.where[0]
	default:
		where = sq.And(p.where)
	}
	for _, part := range []struct {
		kw   string
		cond sq.Sqlizer
		list []string
	}{{kw: " WHERE ", cond: where}, {kw: " GROUP BY ", list: p.groupBy}, {kw: " HAVING ", cond: p.having}, {kw: " ORDER BY ", list: p.order}} {
		switch {
		case part.cond != nil:
			sql, a, err := part.cond.ToSql()
			if err != nil {
				return "", nil, fmt.Errorf("query: build SQL: %w", err)
			}
			b.WriteString(part.kw + sql)
			args = append(args, a...)
		case len(part.list) > 0 && (part.kw != " GROUP BY " || p.grouped):
			b.WriteString(part.kw)
			writeList(&b, part.list, ", ")
		}
	}
	if p.limit > 0 {
		b.WriteString(" LIMIT " + strconv.Itoa(p.limit))
	}
	if p.offset > 0 {
		b.WriteString(" OFFSET " + strconv.Itoa(p.offset))
	}
	return b.String(), args, nil
}

// writeList writes items separated by sep.
func writeList(b *strings.Builder, items []string, sep string) {
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
	}
}

// castTo casts a metric to its result type, so both engines return the same
// types. CAST delimits its operand, so redundant outer parentheses are dropped,
// and an expression that is already a CAST to that type is left as it is.
func (c *Compiler) castTo(expr string, t typ) string {
	var to dialect.Type
	switch t.kind {
	case KindDecimal:
		to = dialect.Decimal(38, t.scale)
	case KindInt:
		to = dialect.Int()
	default:
		return expr
	}
	expr = unparen(expr)
	if strings.HasPrefix(expr, "CAST(") && strings.HasSuffix(expr, " AS "+c.d.TypeName(to)+")") && closes(expr, len("CAST")) == len(expr)-1 {
		return expr
	}
	return c.d.Cast(expr, to)
}

// unparen drops parentheses that enclose all of expr.
func unparen(expr string) string {
	for len(expr) > 1 && expr[0] == '(' && closes(expr, 0) == len(expr)-1 {
		expr = expr[1 : len(expr)-1]
	}
	return expr
}

// closes returns the index of the parenthesis that closes the one at open,
// skipping quoted strings and identifiers, or -1.
func closes(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'', '"':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
