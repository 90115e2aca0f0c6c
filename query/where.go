package query

import (
	"fmt"
	"math"
	"strings"
	"time"

	sq "github.com/Masterminds/squirrel"
	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// filter compiles a filter tree. In WHERE it names row-level fields; in HAVING
// (having set) it names metrics.
func (s *compileState) filter(f Filter, having bool) (sq.Sqlizer, error) {
	switch f := f.(type) {
	case Cmp:
		return s.cmp(f, having)
	case AndFilter, OrFilter:
		var parts []Filter
		op := " AND "
		if a, ok := f.(AndFilter); ok {
			parts = a
		} else {
			parts, op = f.(OrFilter), " OR "
		}
		if len(parts) == 0 {
			return nil, invalid("an empty And or Or filter")
		}
		sqls := make([]string, len(parts))
		var args []any
		for i, p := range parts {
			sub, err := s.filter(p, having)
			if err != nil {
				return nil, err
			}
			sql, a, err := sub.ToSql()
			if err != nil {
				return nil, err
			}
			sqls[i], args = sql, append(args, a...)
		}
		return sq.Expr("("+strings.Join(sqls, op)+")", args...), nil
	case NotFilter:
		if f.X == nil {
			return nil, invalid("Not of nothing")
		}
		sub, err := s.filter(f.X, having)
		if err != nil {
			return nil, err
		}
		sql, args, err := sub.ToSql()
		if err != nil {
			return nil, err
		}
		return sq.Expr("NOT ("+sql+")", args...), nil
	case nil:
		return nil, invalid("a nil filter")
	}
	return nil, invalid("unknown filter type %T", f)
}

func (s *compileState) cmp(c Cmp, having bool) (sq.Sqlizer, error) {
	if !c.Op.Valid() {
		return nil, invalid("filter on %s: unknown operator %q", c.Field, c.Op)
	}
	if err := c.arity(); err != nil {
		return nil, invalid("filter on %s: %v", c.Field, err)
	}
	var f semantic.Field
	var expr string
	var t typ
	var err error
	if having {
		f, err = s.c.lookup("having", c.Field, semantic.KindMetric)
		if err == nil {
			expr, t = s.metric(f)
		}
	} else {
		f, err = s.c.lookup("filter", c.Field, semantic.KindDimension, semantic.KindTimeDimension, semantic.KindFact)
		if err == nil {
			r := s.use(f)
			expr, t = r.sql, r.typ
		}
	}
	if err != nil {
		return nil, err
	}
	switch c.Op {
	case OpIsNull, OpIsNotNull:
		return sq.Expr(expr + " " + string(c.Op)), nil
	case OpLike:
		if t.kind != KindText {
			return nil, invalid("filter on %s: LIKE needs a text field, and %s is %s", c.Field, f.Name, t.kind)
		}
	}
	holders := make([]string, len(c.Values))
	args := make([]any, len(c.Values))
	for i, v := range c.Values {
		ph, arg, err := s.c.bind(t, v)
		if err != nil {
			return nil, invalid("filter on %s: value %d: %v", c.Field, i+1, err)
		}
		holders[i], args[i] = ph, arg
	}
	switch c.Op {
	case OpIn, OpNotIn:
		return sq.Expr(expr+" "+string(c.Op)+" ("+strings.Join(holders, ", ")+")", args...), nil
	case OpBetween:
		return sq.Expr(expr+" BETWEEN "+holders[0]+" AND "+holders[1], args...), nil
	}
	return sq.Expr(expr+" "+string(c.Op)+" "+holders[0], args...), nil
}

// bind checks v against a field of type t and returns its placeholder (cast to
// the field's type, so engines compare like with like) and its driver value.
func (c *Compiler) bind(t typ, v any) (string, any, error) {
	if v == nil {
		return "", nil, fmt.Errorf("nil; use IsNull or IsNotNull")
	}
	switch t.kind {
	case KindText:
		s, ok := v.(string)
		if !ok {
			return "", nil, fmt.Errorf("a text field takes a string, not %T", v)
		}
		return "?", s, nil
	case KindBool:
		b, ok := v.(bool)
		if !ok {
			return "", nil, fmt.Errorf("a boolean field takes a bool, not %T", v)
		}
		return "?", b, nil
	case KindDate, KindTimestamp:
		d, ok := dateValue(v)
		if tt, isTime := v.(time.Time); isTime && !inDateRange(tt) {
			return "", nil, fmt.Errorf("%s is outside the dates the engines hold (years 1 to 9999)", tt.Format(time.RFC3339))
		}
		if t.kind == KindTimestamp {
			if tt, isTime := v.(time.Time); isTime {
				return c.phTimestamp, tt.UTC(), nil
			}
		}
		if !ok {
			return "", nil, fmt.Errorf("a date field takes a time.Time or \"YYYY-MM-DD\", not %T %v", v, v)
		}
		return c.phDate, d, nil
	case KindInt, KindDecimal:
		d, err := exactNumber(v)
		if err != nil {
			return "", nil, err
		}
		if err := scaleBound(d); err != nil {
			return "", nil, err
		}
		if t.kind == KindInt {
			if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
				return "", nil, fmt.Errorf("an integer field takes a whole number, not %s", d)
			}
			return "?", d.IntPart(), nil
		}
		return c.d.Cast("?", dialect.Decimal(38, max(t.scale, int(-d.Exponent())))), d.String(), nil
	case KindFloat:
		switch x := v.(type) {
		case float64:
			return "?", x, nil
		case float32:
			return "?", float64(x), nil
		}
		d, err := exactNumber(v)
		if err != nil {
			return "", nil, err
		}
		return "?", d.InexactFloat64(), nil
	}
	return "?", v, nil
}

// maxValueScale is the most decimal places a bound number may carry: its cast
// is DECIMAL(38, scale), which must keep room for the digits before the point.
const maxValueScale = 18

// scaleBound refuses a number with more decimal places than maxValueScale.
func scaleBound(d decimal.Decimal) error {
	if -d.Exponent() > maxValueScale {
		return fmt.Errorf("%.40s has more than %d decimal places", d.String(), maxValueScale)
	}
	return nil
}

// exactNumber reads an exact number: Go integers, decimal.Decimal or decimal
// text. Floats are refused: they cannot say an amount of money exactly.
func exactNumber(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int32:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	case uint32:
		return decimal.NewFromInt(int64(x)), nil
	case decimal.Decimal:
		return x, nil
	case string:
		d, err := decimal.NewFromString(x)
		if err != nil {
			return d, fmt.Errorf("%q is not a number", x)
		}
		return d, nil
	case float32, float64:
		return decimal.Decimal{}, fmt.Errorf("%T %v is not exact; pass a decimal.Decimal, an integer or decimal text", v, v)
	}
	return decimal.Decimal{}, fmt.Errorf("a numeric field takes an integer, decimal.Decimal or decimal text, not %T", v)
}

// dates compiles a date range on a time dimension to a bound BETWEEN.
func (s *compileState) dates(df DateFilter, grouped semantic.Field) (sq.Sqlizer, error) {
	f, err := s.c.rangeDim(df, grouped)
	if err != nil {
		return nil, err
	}
	from, to, err := df.Range.Resolve(s.c.now())
	if err != nil {
		return nil, invalid("date range on %s: %v", f.Name, err)
	}
	if !inDateRange(from) || !inDateRange(to) {
		return nil, invalid("date range on %s: %s to %s is outside the dates the engines hold (years 1 to 9999)", f.Name, from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	if s.roll != nil {
		if w, ok := s.rollDates(f, from, to); ok {
			s.mark(f)
			return w, nil
		}
	}
	r := s.use(f)
	date := s.c.phDate
	if f.DataType.Family() == semantic.FamilyTimestamp {
		// whole days: from midnight to before the next midnight
		ts := s.c.phTimestamp
		return sq.Expr(r.sql+" >= "+ts+" AND "+r.sql+" < "+ts, from, to.AddDate(0, 0, 1)), nil
	}
	return sq.Expr(r.sql+" BETWEEN "+date+" AND "+date, from, to), nil
}

// rangeDim resolves the time dimension a date range restricts: the one it
// names, else the grouped one, else the model's first date time dimension.
func (c *Compiler) rangeDim(df DateFilter, grouped semantic.Field) (semantic.Field, error) {
	var f semantic.Field
	switch {
	case df.Dimension != "":
		var err error
		if f, err = c.lookup("date range", df.Dimension, semantic.KindTimeDimension); err != nil {
			return f, err
		}
	case grouped.Name != "":
		f = grouped
	default:
		for _, x := range c.model.Fields() {
			if x.Kind == semantic.KindTimeDimension && x.DataType.Family() == semantic.FamilyDate {
				f = x
				break
			}
		}
		if f.Name == "" {
			return f, invalid("date range: the model has no date time dimension")
		}
	}
	if fam := f.DataType.Family(); fam != semantic.FamilyDate && fam != semantic.FamilyTimestamp {
		return f, invalid("date range on %s: it is %s, not a date", f.Name, f.DataType)
	}
	return f, nil
}
