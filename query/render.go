package query

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
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
	roll  *rollCtx        // set when rendering over a pre-aggregated mart (rollup.go)
	// outer maps table metrics to the CTE columns that hold them, when rendering
	// a derived metric over several tables' CTEs (multitable.go)
	outer map[int]rendered
	// distincts, when set, counts the distinct aggregates rendered
	distincts *int
}

func (r *renderer) render(n sqlparse.Node) (string, typ, error) {
	switch n := n.(type) {
	case sqlparse.Lit:
		switch n.Kind {
		case sqlparse.LitNumber:
			return n.Value, tNumber(n.Scale), nil
		case sqlparse.LitString:
			return sqlparse.QuoteString(r.d, n.Value), tText, nil
		case sqlparse.LitBool:
			return n.Value, tBool, nil
		}
		return "NULL", tNull, nil
	case sqlparse.Ref:
		return r.ref(n)
	case sqlparse.Call:
		return r.call(n)
	case sqlparse.Binary:
		return r.binary(n)
	case sqlparse.Unary:
		x, t, err := r.render(n.X)
		if n.Op == "NOT" {
			return "NOT (" + x + ")", tBool, err
		}
		return "-(" + x + ")", t, err
	case sqlparse.IsNull:
		x, _, err := r.render(n.X)
		op := " IS NULL"
		if n.Not {
			op = " IS NOT NULL"
		}
		return "(" + x + op + ")", tBool, err
	case sqlparse.InList:
		x, _, err := r.render(n.X)
		if err != nil {
			return "", tNull, err
		}
		items := make([]string, len(n.List))
		for i, it := range n.List {
			if items[i], _, err = r.render(it); err != nil {
				return "", tNull, err
			}
		}
		op := " IN ("
		if n.Not {
			op = " NOT IN ("
		}
		return "(" + x + op + strings.Join(items, ", ") + "))", tBool, nil
	case sqlparse.Between:
		parts, err := r.all(n.X, n.Lo, n.Hi)
		if err != nil {
			return "", tNull, err
		}
		op := " BETWEEN "
		if n.Not {
			op = " NOT BETWEEN "
		}
		return "(" + parts[0] + op + parts[1] + " AND " + parts[2] + ")", tBool, err
	case sqlparse.Like:
		parts, err := r.all(n.X, n.Pattern)
		if err != nil {
			return "", tNull, err
		}
		op := " LIKE "
		if n.ILike {
			op = " ILIKE "
		}
		if n.Not {
			op = " NOT" + op
		}
		return "(" + parts[0] + op + parts[1] + ")", tBool, err
	case sqlparse.Case:
		return r.caseExpr(n)
	case sqlparse.Cast:
		x, _, err := r.render(n.X)
		fn := "CAST("
		if n.Try {
			fn = "TRY_CAST("
		}
		return fn + x + " AS " + n.Type.Render(r.d) + ")", typeOf(semantic.DataType(n.Type.String())), err
	}
	return "", tNull, fmt.Errorf("unsupported expression %T", n)
}

func (r *renderer) all(ns ...sqlparse.Node) ([]string, error) {
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
func (r *renderer) ref(n sqlparse.Ref) (string, typ, error) {
	if n.Table == "" {
		name := n.Name
		if !n.Quoted {
			name = strings.ToUpper(name) // Snowflake's unquoted identifiers
		}
		if r.roll != nil {
			col, err := r.rollColumn(name)
			return col, tNull, err
		}
		if r.alias == "" {
			return r.d.Quote(name), tNull, nil
		}
		return r.d.Quote(r.alias) + "." + r.d.Quote(name), tNull, nil
	}
	f, err := r.c.model.Lookup(n.Table + "." + n.Name)
	if err != nil {
		return "", tNull, fmt.Errorf("%s.%s: %w", n.Table, n.Name, err)
	}
	if o, ok := r.outer[f.Index]; ok {
		return o.sql, o.typ, nil
	}
	if r.depth > 8 {
		return "", tNull, fmt.Errorf("%s refers to itself", f.QualifiedName())
	}
	return r.field(f)
}

// uniqueKey reports whether args is one reference to the primary key of the
// table being read: its values are distinct and not NULL, so COUNT(DISTINCT key)
// is COUNT(key), which the engines compute without a hash of every key. Metrics
// are read with their own table as the query's base and joins only follow
// many_to_one and one_to_one relationships, so base rows are never repeated.
func (r *renderer) uniqueKey(args []sqlparse.Node) bool {
	if len(args) != 1 || r.alias == "" {
		return false
	}
	ref, ok := args[0].(sqlparse.Ref)
	if !ok || !strings.EqualFold(ref.Table, r.alias) {
		return false
	}
	for _, t := range r.c.model.Tables {
		if strings.EqualFold(t.Name, ref.Table) {
			return t.PrimaryKey != nil && len(t.PrimaryKey.Columns) == 1 && strings.EqualFold(t.PrimaryKey.Columns[0], ref.Name)
		}
	}
	return false
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
	if _, simple := ast.(sqlparse.Ref); !simple {
		sql = "(" + sql + ")"
	}
	return sql, t, nil
}

func (r *renderer) call(n sqlparse.Call) (string, typ, error) {
	if r.roll != nil {
		if sql, t, done, err := r.rollCall(n); done {
			return sql, t, err
		}
	}
	if n.Star {
		if n.Name != "COUNT" {
			return "", tNull, fmt.Errorf("%s(*) is not valid", n.Name)
		}
		return "COUNT(*)", tInt, nil
	}
	args := make([]string, len(n.Args))
	types := make([]typ, len(n.Args))
	for i, a := range n.Args {
		var err error
		if args[i], types[i], err = r.render(a); err != nil {
			return "", tNull, err
		}
	}
	distinct := ""
	if n.Distinct && !(n.Name == "COUNT" && r.uniqueKey(n.Args)) {
		distinct = "DISTINCT "
		if r.distincts != nil {
			*r.distincts++
		}
	}
	joined := distinct + strings.Join(args, ", ")
	switch n.Name {
	case "COUNT", "COUNT_IF", "APPROX_COUNT_DISTINCT":
		return n.Name + "(" + joined + ")", tInt, nil
	case "SUM", "MIN", "MAX", "ANY_VALUE", "MEDIAN":
		if len(args) != 1 {
			return "", tNull, fmt.Errorf("%s takes one argument", n.Name)
		}
		return n.Name + "(" + joined + ")", types[0], nil
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
		if n.Name == "ROUND" && len(n.Args) == 2 {
			if l, ok := n.Args[1].(sqlparse.Lit); ok {
				fmt.Sscan(l.Value, &t.scale)
				t = tNumber(t.scale)
			}
		}
		return n.Name + "(" + joined + ")", t, nil
	case "UPPER", "LOWER", "TRIM", "CONCAT", "SUBSTR", "SUBSTRING", "LEFT", "RIGHT", "REPLACE":
		return n.Name + "(" + joined + ")", tText, nil
	case "YEAR", "MONTH", "DAY", "QUARTER", "DAYOFWEEK", "LENGTH", "DATEDIFF":
		return n.Name + "(" + joined + ")", tInt, nil
	case "DATE_TRUNC":
		return n.Name + "(" + joined + ")", tDate, nil
	}
	return n.Name + "(" + joined + ")", tNull, nil
}

func (r *renderer) binary(n sqlparse.Binary) (string, typ, error) {
	if n.Op == "/" {
		return r.divide(n)
	}
	l, lt, err := r.render(n.L)
	if err != nil {
		return "", tNull, err
	}
	rr, rt, err := r.render(n.R)
	if err != nil {
		return "", tNull, err
	}
	t := lt
	switch n.Op {
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
	return "(" + l + " " + n.Op + " " + rr + ")", t, nil
}

// divide renders a / b as an exact decimal quotient (NULL when b is zero). A
// NULLIF(b, 0) guard around the divisor is redundant with it and dropped.
func (r *renderer) divide(n sqlparse.Binary) (string, typ, error) {
	den := unguarded(n.R)
	l, lt, err := r.render(n.L)
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

func (r *renderer) caseExpr(n sqlparse.Case) (string, typ, error) {
	var b strings.Builder
	b.WriteString("CASE")
	if n.Operand != nil {
		x, _, err := r.render(n.Operand)
		if err != nil {
			return "", tNull, err
		}
		b.WriteString(" " + x)
	}
	t := tNull
	for _, w := range n.Whens {
		cond, _, err := r.render(w.Cond)
		if err != nil {
			return "", tNull, err
		}
		then, tt, err := r.render(w.Then)
		if err != nil {
			return "", tNull, err
		}
		if t == tNull {
			t = tt // the first branch with a type decides
		}
		b.WriteString(" WHEN " + cond + " THEN " + then)
	}
	if n.Else != nil {
		x, _, err := r.render(n.Else)
		if err != nil {
			return "", tNull, err
		}
		b.WriteString(" ELSE " + x)
	}
	b.WriteString(" END")
	return b.String(), t, nil
}
