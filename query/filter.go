package query

import (
	"fmt"
	"time"
)

// Filter is a typed boolean expression over model fields. Build one with [Eq],
// [In], [Between], [And], … Values are always bound as arguments, never pasted
// into SQL.
type Filter interface{ filter() }

// Op is a comparison operator.
type Op string

// The comparison operators.
const (
	OpEq        Op = "="
	OpNe        Op = "<>"
	OpLt        Op = "<"
	OpLe        Op = "<="
	OpGt        Op = ">"
	OpGe        Op = ">="
	OpIn        Op = "IN"
	OpNotIn     Op = "NOT IN"
	OpBetween   Op = "BETWEEN"
	OpIsNull    Op = "IS NULL"
	OpIsNotNull Op = "IS NOT NULL"
	OpLike      Op = "LIKE"
)

// Valid reports whether o is a known operator.
func (o Op) Valid() bool {
	switch o {
	case OpEq, OpNe, OpLt, OpLe, OpGt, OpGe, OpIn, OpNotIn, OpBetween, OpIsNull, OpIsNotNull, OpLike:
		return true
	}
	return false
}

// Cmp compares a field with values.
type Cmp struct {
	Field  string
	Op     Op
	Values []any
}

// AndFilter holds when every part holds.
type AndFilter []Filter

// OrFilter holds when any part holds.
type OrFilter []Filter

// NotFilter holds when X does not.
type NotFilter struct{ X Filter }

func (Cmp) filter()       {}
func (AndFilter) filter() {}
func (OrFilter) filter()  {}
func (NotFilter) filter() {}

// Eq is field = v.
func Eq(field string, v any) Cmp { return Cmp{field, OpEq, []any{v}} }

// Ne is field <> v.
func Ne(field string, v any) Cmp { return Cmp{field, OpNe, []any{v}} }

// Lt is field < v.
func Lt(field string, v any) Cmp { return Cmp{field, OpLt, []any{v}} }

// Le is field <= v.
func Le(field string, v any) Cmp { return Cmp{field, OpLe, []any{v}} }

// Gt is field > v.
func Gt(field string, v any) Cmp { return Cmp{field, OpGt, []any{v}} }

// Ge is field >= v.
func Ge(field string, v any) Cmp { return Cmp{field, OpGe, []any{v}} }

// In is field IN (vs…).
func In(field string, vs ...any) Cmp { return Cmp{field, OpIn, vs} }

// NotIn is field NOT IN (vs…).
func NotIn(field string, vs ...any) Cmp { return Cmp{field, OpNotIn, vs} }

// Between is lo <= field <= hi.
func Between(field string, lo, hi any) Cmp { return Cmp{field, OpBetween, []any{lo, hi}} }

// IsNull is field IS NULL.
func IsNull(field string) Cmp { return Cmp{field, OpIsNull, nil} }

// IsNotNull is field IS NOT NULL.
func IsNotNull(field string) Cmp { return Cmp{field, OpIsNotNull, nil} }

// Like is field LIKE pattern (% and _ are wildcards).
func Like(field, pattern string) Cmp { return Cmp{field, OpLike, []any{pattern}} }

// And holds when every filter holds.
func And(fs ...Filter) AndFilter { return AndFilter(fs) }

// Or holds when any filter holds.
func Or(fs ...Filter) OrFilter { return OrFilter(fs) }

// Not holds when f does not.
func Not(f Filter) NotFilter { return NotFilter{f} }

// arity checks the number of values an operator takes.
func (c Cmp) arity() error {
	n := len(c.Values)
	switch c.Op {
	case OpIsNull, OpIsNotNull:
		if n != 0 {
			return fmt.Errorf("%s takes no value, got %d", c.Op, n)
		}
	case OpBetween:
		if n != 2 {
			return fmt.Errorf("BETWEEN takes two values, got %d", n)
		}
	case OpIn, OpNotIn:
		if n == 0 {
			return fmt.Errorf("%s needs at least one value", c.Op)
		}
	default:
		if n != 1 {
			return fmt.Errorf("%s takes one value, got %d", c.Op, n)
		}
	}
	return nil
}

// dateValue reads a date filter value: a time.Time or "YYYY-MM-DD".
func dateValue(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		y, m, d := x.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	case string:
		t, err := time.Parse(time.DateOnly, x)
		return t, err == nil
	}
	return time.Time{}, false
}
