package query

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// ScanAll copies a result into a slice of T, a struct whose fields match columns by
// a `query:"name"` tag or, without one, by name ignoring case and underscores. A
// name may be any name of the column's model field — its name or a synonym,
// resolved the way [Order] resolves them — so `query:"revenue"` reads the
// total_revenue column whichever name the request used. Fields may be the
// column's Go type, a pointer to it (nil for NULL), or decimal.NullDecimal for
// nullable decimals. Unmatched columns are an error, so a renamed field cannot
// silently read zero.
func ScanAll[T any](r *Result) ([]T, error) {
	index, err := structIndex[T](r.Columns, r.model)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(r.Rows))
	for ri, row := range r.Rows {
		if err := scanRow(&out[ri], index, r.Columns, row); err != nil {
			return nil, fmt.Errorf("query: row %d %w", ri, err)
		}
	}
	return out, nil
}

// Collect runs q and scans every row into a T, as [ScanAll] does: the typed
// counterpart of [Query.Run], in the manner of pgx.CollectRows.
func Collect[T any](ctx context.Context, q *Query, db Querier) ([]T, error) {
	var out []T
	for v, err := range StreamOf[T](ctx, q, db) {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// StreamOf runs q and yields its rows one at a time as T, matched to columns as
// [ScanAll] matches them. Stopping the loop early closes the rows.
func StreamOf[T any](ctx context.Context, q *Query, db Querier) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		index, err := structIndex[T](q.Columns, q.model)
		if err != nil {
			yield(zero, err)
			return
		}
		i := 0
		for row, err := range q.Stream(ctx, db) {
			if err != nil {
				yield(zero, err)
				return
			}
			var v T
			if err := scanRow(&v, index, q.Columns, row); err != nil {
				yield(zero, fmt.Errorf("query: row %d %w", i, err))
				return
			}
			if !yield(v, nil) {
				return
			}
			i++
		}
	}
}

// structIndex maps each column to the field of T that receives it.
func structIndex[T any](cols []Column, m *semantic.Model) ([]int, error) {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("query: scanning needs a struct type, got %s", t)
	}
	index := make([]int, len(cols))
	for i, c := range cols {
		index[i] = -1
		for f := range t.NumField() {
			sf := t.Field(f)
			name := sf.Tag.Get("query")
			if name == "" {
				name = sf.Name
			}
			if norm(name) == norm(c.Name) || sameField(m, name, c) {
				index[i] = f
				break
			}
		}
		if index[i] < 0 {
			return nil, fmt.Errorf("query: %s has no field for column %q (tag a field `query:%q`)", t, c.Name, c.Name)
		}
	}
	return index, nil
}

// sameField reports whether name is a name or synonym of the model field that
// column c holds.
func sameField(m *semantic.Model, name string, c Column) bool {
	if m == nil || c.Field == "" {
		return false
	}
	f, err := m.Lookup(name)
	return err == nil && f.QualifiedName() == c.Field
}

func scanRow[T any](dst *T, index []int, cols []Column, row Row) error {
	v := reflect.ValueOf(dst).Elem()
	for ci, val := range row {
		if err := assign(v.Field(index[ci]), val); err != nil {
			return fmt.Errorf("column %s: %w", cols[ci].Name, err)
		}
	}
	return nil
}

func norm(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

var nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()

func assign(f reflect.Value, val any) error {
	if f.Type() == nullDecimalType {
		if val == nil {
			f.Set(reflect.ValueOf(decimal.NullDecimal{}))
			return nil
		}
		d, ok := val.(decimal.Decimal)
		if !ok {
			return fmt.Errorf("cannot put %T into decimal.NullDecimal", val)
		}
		f.Set(reflect.ValueOf(decimal.NullDecimal{Decimal: d, Valid: true}))
		return nil
	}
	target := f
	if f.Kind() == reflect.Pointer {
		if val == nil {
			f.Set(reflect.Zero(f.Type()))
			return nil
		}
		f.Set(reflect.New(f.Type().Elem()))
		target = f.Elem()
	}
	if val == nil {
		return fmt.Errorf("NULL into non-pointer %s", f.Type())
	}
	v := reflect.ValueOf(val)
	switch {
	case v.Type().AssignableTo(target.Type()):
		target.Set(v)
	case v.Kind() == reflect.Int64 && target.Kind() >= reflect.Int && target.Kind() <= reflect.Int64:
		if target.OverflowInt(v.Int()) {
			return fmt.Errorf("%d overflows %s", v.Int(), target.Type())
		}
		target.SetInt(v.Int())
	default:
		if _, isTime := val.(time.Time); isTime && target.Type() == reflect.TypeFor[string]() {
			target.SetString(val.(time.Time).Format(time.DateOnly))
			return nil
		}
		return fmt.Errorf("cannot put %T into %s", val, target.Type())
	}
	return nil
}
