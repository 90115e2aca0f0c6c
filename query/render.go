package query

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// typ is the inferred SQL type of a rendered expression.
type typ struct {
	kind  Kind
	scale int // for KindDecimal
}

var (
	tInt    = typ{kind: KindInt}
	tBool   = typ{kind: KindBool}
	tText   = typ{kind: KindText}
	tDate   = typ{kind: KindDate}
	tTime   = typ{kind: KindTimestamp}
	tFloat  = typ{kind: KindFloat}
	tNull   = typ{}
	tNumber = func(scale int) typ {
		if scale == 0 {
			return tInt
		}
		return typ{kind: KindDecimal, scale: scale}
	}
)

// typeOf maps a model data type to a result type.
func typeOf(dt semantic.DataType) typ {
	switch dt.Family() {
	case semantic.FamilyNumber:
		s, _ := dt.Scale()
		return tNumber(s)
	case semantic.FamilyFloat:
		return tFloat
	case semantic.FamilyBoolean:
		return tBool
	case semantic.FamilyDate:
		return tDate
	case semantic.FamilyTimestamp:
		return tTime
	}
	return tText
}

// divisionScale is the scale of a quotient: the dividend's, or 4 when the dividend
// is a whole number (so a share of counts keeps four places: 0.1025).
func divisionScale(num typ) int {
	if num.kind == KindDecimal && num.scale > 0 {
		return num.scale
	}
	return 4
}

// renderer turns parsed model expressions into SQL for one dialect, resolving
// logical references (table.field) to the field's own expression, qualifying
// physical columns with the table alias, and replacing division and AVG with exact
// decimal division.
type renderer struct {
	c     *Compiler
	d     dialect.Dialect
	alias string          // alias of the table whose physical columns are being read
	used  map[string]bool // logical tables referenced, for joins
	depth int             // guards against a field referring to itself
}

func (r *renderer) render(n node) (string, typ, error) {
	switch n := n.(type) {
	case lit:
		switch n.kind {
		case "number":
			return n.text, tNumber(n.scale), nil
		case "string":
			return n.text, tText, nil
		case "bool":
			return n.text, tBool, nil
		}
		return "NULL", tNull, nil
	case ref:
		return r.ref(n)
	case call:
		return r.call(n)
	case binary:
		return r.binary(n)
	case unary:
		x, t, err := r.render(n.x)
		if n.op == "NOT" {
			return "NOT (" + x + ")", tBool, err
		}
		return "-(" + x + ")", t, err
	case isNull:
		x, _, err := r.render(n.x)
		op := " IS NULL"
		if n.not {
			op = " IS NOT NULL"
		}
		return "(" + x + op + ")", tBool, err
	case inList:
		x, _, err := r.render(n.x)
		if err != nil {
			return "", tNull, err
		}
		items := make([]string, len(n.list))
		for i, it := range n.list {
			if items[i], _, err = r.render(it); err != nil {
				return "", tNull, err
			}
		}
		op := " IN ("
		if n.not {
			op = " NOT IN ("
		}
		return "(" + x + op + strings.Join(items, ", ") + "))", tBool, nil
	case between:
		parts, err := r.all(n.x, n.lo, n.hi)
		op := " BETWEEN "
		if n.not {
			op = " NOT BETWEEN "
		}
		return "(" + parts[0] + op + parts[1] + " AND " + parts[2] + ")", tBool, err
	case like:
		parts, err := r.all(n.x, n.pattern)
		op := " LIKE "
		if n.ilike {
			op = " ILIKE "
		}
		if n.not {
			op = " NOT" + op
		}
		return "(" + parts[0] + op + parts[1] + ")", tBool, err
	case caseExpr:
		return r.caseExpr(n)
	case cast:
		x, _, err := r.render(n.x)
		return "CAST(" + x + " AS " + n.typ + ")", typeOf(semantic.DataType(n.typ)), err
	}
	return "", tNull, fmt.Errorf("unsupported expression %T", n)
}

func (r *renderer) all(ns ...node) ([]string, error) {
	out := make([]string, len(ns))
	for i, n := range ns {
		s, _, err := r.render(n)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// ref resolves a column reference: table.field is a logical field of the model,
// rendered from its own expression; a bare NAME is a physical column of the table
// being read.
func (r *renderer) ref(n ref) (string, typ, error) {
	if n.table == "" {
		name := n.name
		if !n.quoted {
			name = strings.ToUpper(name) // Snowflake's unquoted identifiers
		}
		if r.alias == "" {
			return r.d.Quote(name), tNull, nil
		}
		return r.d.Quote(r.alias) + "." + r.d.Quote(name), tNull, nil
	}
	f, err := r.c.model.Lookup(n.table + "." + n.name)
	if err != nil {
		return "", tNull, fmt.Errorf("%s.%s: %w", n.table, n.name, err)
	}
	if r.depth > 8 {
		return "", tNull, fmt.Errorf("%s refers to itself", f.QualifiedName())
	}
	return r.field(f)
}

// field renders a row-level field (dimension, time dimension, fact) or a metric.
func (r *renderer) field(f semantic.Field) (string, typ, error) {
	ast, err := r.c.parsed(f)
	if err != nil {
		return "", tNull, err
	}
	sub := *r
	sub.alias = r.c.aliasOf(f.Table)
	sub.depth++
	if r.used != nil && f.Table != "" {
		r.used[strings.ToLower(f.Table)] = true
	}
	sql, t, err := sub.render(ast)
	if err != nil {
		return "", tNull, fmt.Errorf("%s: %w", f.QualifiedName(), err)
	}
	if f.Kind != semantic.KindMetric && f.Kind != semantic.KindFilter {
		t = typeOf(f.DataType) // the declared type wins over inference
	}
	if _, simple := ast.(ref); !simple {
		sql = "(" + sql + ")"
	}
	return sql, t, nil
}

func (r *renderer) call(n call) (string, typ, error) {
	if n.star {
		if n.name != "COUNT" {
			return "", tNull, fmt.Errorf("%s(*) is not valid", n.name)
		}
		return "COUNT(*)", tInt, nil
	}
	args := make([]string, len(n.args))
	types := make([]typ, len(n.args))
	for i, a := range n.args {
		var err error
		if args[i], types[i], err = r.render(a); err != nil {
			return "", tNull, err
		}
	}
	distinct := ""
	if n.distinct {
		distinct = "DISTINCT "
	}
	joined := distinct + strings.Join(args, ", ")
	switch n.name {
	case "COUNT", "COUNT_IF", "APPROX_COUNT_DISTINCT":
		return n.name + "(" + joined + ")", tInt, nil
	case "SUM", "MIN", "MAX", "ANY_VALUE", "MEDIAN":
		if len(args) != 1 {
			return "", tNull, fmt.Errorf("%s takes one argument", n.name)
		}
		return n.name + "(" + joined + ")", types[0], nil
	case "AVG":
		if len(args) != 1 {
			return "", tNull, fmt.Errorf("AVG takes one argument")
		}
		// An exact mean: SUM / COUNT as decimals, never the engine's floating AVG.
		num, den := "SUM("+joined+")", "COUNT("+joined+")"
		scale := max(types[0].scale, 2)
		return r.d.DivRound(num, den, types[0].scale, 0, scale), typ{kind: KindDecimal, scale: scale}, nil
	case "NULLIF", "COALESCE", "IFNULL", "NVL", "ROUND", "ABS", "GREATEST", "LEAST":
		t := tNull
		if len(types) > 0 {
			t = types[0]
		}
		if n.name == "ROUND" && len(n.args) == 2 {
			if l, ok := n.args[1].(lit); ok {
				fmt.Sscan(l.text, &t.scale)
				t = tNumber(t.scale)
			}
		}
		return n.name + "(" + joined + ")", t, nil
	case "UPPER", "LOWER", "TRIM", "CONCAT", "SUBSTR", "SUBSTRING", "LEFT", "RIGHT", "REPLACE":
		return n.name + "(" + joined + ")", tText, nil
	case "YEAR", "MONTH", "DAY", "QUARTER", "DAYOFWEEK", "LENGTH", "DATEDIFF":
		return n.name + "(" + joined + ")", tInt, nil
	case "DATE_TRUNC":
		return n.name + "(" + joined + ")", tDate, nil
	}
	return n.name + "(" + joined + ")", tNull, nil
}

func (r *renderer) binary(n binary) (string, typ, error) {
	if n.op == "/" {
		return r.divide(n)
	}
	l, lt, err := r.render(n.l)
	if err != nil {
		return "", tNull, err
	}
	rr, rt, err := r.render(n.r)
	if err != nil {
		return "", tNull, err
	}
	t := lt
	switch n.op {
	case "AND", "OR", "=", "<>", "<", "<=", ">", ">=":
		t = tBool
	case "*":
		t = tNumber(lt.scale + rt.scale)
	case "+", "-":
		t = tNumber(max(lt.scale, rt.scale))
		if lt.kind == KindDate {
			t = tDate
		}
	case "||":
		t = tText
	}
	return "(" + l + " " + n.op + " " + rr + ")", t, nil
}

// divide renders a / b as an exact decimal quotient (NULL when b is zero). A
// NULLIF(b, 0) guard around the divisor is redundant with it and dropped.
func (r *renderer) divide(n binary) (string, typ, error) {
	den := n.r
	if c, ok := den.(call); ok && c.name == "NULLIF" && len(c.args) == 2 {
		if l, ok := c.args[1].(lit); ok && l.kind == "number" && strings.Trim(l.text, "0.") == "" {
			den = c.args[0]
		}
	}
	l, lt, err := r.render(n.l)
	if err != nil {
		return "", tNull, err
	}
	d, dt, err := r.render(den)
	if err != nil {
		return "", tNull, err
	}
	scale := divisionScale(lt)
	return r.d.DivRound(l, d, lt.scale, dt.scale, scale), typ{kind: KindDecimal, scale: scale}, nil
}

func (r *renderer) caseExpr(n caseExpr) (string, typ, error) {
	var b strings.Builder
	b.WriteString("CASE")
	if n.operand != nil {
		x, _, err := r.render(n.operand)
		if err != nil {
			return "", tNull, err
		}
		b.WriteString(" " + x)
	}
	t := tNull
	for _, w := range n.whens {
		cond, _, err := r.render(w.cond)
		if err != nil {
			return "", tNull, err
		}
		then, tt, err := r.render(w.then)
		if err != nil {
			return "", tNull, err
		}
		if t == tNull {
			t = tt // the first branch with a type decides
		}
		b.WriteString(" WHEN " + cond + " THEN " + then)
	}
	if n.els != nil {
		x, _, err := r.render(n.els)
		if err != nil {
			return "", tNull, err
		}
		b.WriteString(" ELSE " + x)
	}
	b.WriteString(" END")
	return b.String(), t, nil
}
