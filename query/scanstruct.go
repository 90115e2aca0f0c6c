package query

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ScanAll copies a result into a slice of T, a struct whose fields match columns by
// a `query:"name"` tag or, without one, by name ignoring case and underscores.
// Fields may be the column's Go type, a pointer to it (nil for NULL), or
// decimal.NullDecimal for nullable decimals. Unmatched columns are an error, so a
// renamed field cannot silently read zero.
func ScanAll[T any](r *Result) ([]T, error) {
	var zero T
	t := reflect.TypeOf(zero)
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("query: ScanAll needs a struct type, got %s", t)
	}
	index := make([]int, len(r.Columns))
	for i, c := range r.Columns {
		index[i] = -1
		for f := range t.NumField() {
			sf := t.Field(f)
			tag := sf.Tag.Get("query")
			if tag == c.Name || (tag == "" && norm(sf.Name) == norm(c.Name)) {
				index[i] = f
				break
			}
		}
		if index[i] < 0 {
			return nil, fmt.Errorf("query: %s has no field for column %q (tag a field `query:%q`)", t, c.Name, c.Name)
		}
	}
	out := make([]T, len(r.Rows))
	for ri, row := range r.Rows {
		v := reflect.ValueOf(&out[ri]).Elem()
		for ci, val := range row {
			if err := assign(v.Field(index[ci]), val); err != nil {
				return nil, fmt.Errorf("query: row %d column %s: %w", ri, r.Columns[ci].Name, err)
			}
		}
	}
	return out, nil
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
