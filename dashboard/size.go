package dashboard

import (
	"reflect"
	"time"
)

// sizeOf estimates the bytes v holds: its own size and everything its strings,
// slices, maps, pointers and interfaces reach, each pointer counted once. Shared
// time zones are not counted. It bounds the cache; it need not be exact, only
// grow with the data.
func sizeOf(v any) int64 {
	if v == nil {
		return 0
	}
	rv := reflect.ValueOf(v)
	return int64(rv.Type().Size()) + deep(rv, map[uintptr]bool{})
}

var locationType = reflect.TypeFor[*time.Location]()

// deep returns the bytes v references beyond its own size.
func deep(v reflect.Value, seen map[uintptr]bool) int64 {
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Slice:
		if v.IsNil() {
			return 0
		}
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		for i := range v.Len() {
			n += deep(v.Index(i), seen)
		}
		return n
	case reflect.Array:
		var n int64
		for i := range v.Len() {
			n += deep(v.Index(i), seen)
		}
		return n
	case reflect.Struct:
		var n int64
		for i := range v.NumField() {
			n += deep(v.Field(i), seen)
		}
		return n
	case reflect.Pointer:
		if v.IsNil() || v.Type() == locationType || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		return int64(v.Type().Elem().Size()) + deep(v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return int64(v.Elem().Type().Size()) + deep(v.Elem(), seen)
	case reflect.Map:
		if v.IsNil() {
			return 0
		}
		per := int64(v.Type().Key().Size() + v.Type().Elem().Size() + 8)
		n := int64(v.Len()) * per
		it := v.MapRange()
		for it.Next() {
			n += deep(it.Key(), seen) + deep(it.Value(), seen)
		}
		return n
	}
	return 0
}
