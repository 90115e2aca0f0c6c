package query

import (
	"fmt"
	"strings"

	sq "github.com/Masterminds/squirrel"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// renderSQL writes a plan as one SELECT statement in the compiler's dialect,
// with squirrel. Each squirrel call costs a reflective copy of the builder, so
// every clause is assembled first and handed over once.
func (c *Compiler) renderSQL(p *plan) (string, []any, error) {
	from := p.base.ref + " AS " + p.base.alias
	for _, j := range p.joins {
		from += " " + j.kind + " " + j.table.ref + " AS " + j.table.alias + " ON " + j.on
	}
	sel := c.sb.Select(p.items...).From(from)
	switch len(p.where) {
	case 0:
	case 1:
		sel = sel.Where(p.where[0])
	default:
		sel = sel.Where(sq.And(p.where))
	}
	if p.grouped {
		sel = sel.GroupBy(p.groupBy...)
	} else if p.distinct {
		sel = sel.Distinct()
	}
	if p.having != nil {
		sel = sel.Having(p.having)
	}
	if len(p.order) > 0 {
		sel = sel.OrderBy(strings.Join(p.order, ", ")) // one clause: one builder copy
	}
	if p.limit > 0 {
		sel = sel.Limit(uint64(p.limit))
	}
	if p.offset > 0 {
		sel = sel.Offset(uint64(p.offset))
	}
	sql, args, err := sel.ToSql()
	if err != nil {
		return "", nil, fmt.Errorf("query: build SQL: %w", err)
	}
	return sql, args, nil
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
