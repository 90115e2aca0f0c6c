package dashboard

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every field of Filter but its dates is one entry of filterFields, and each
// entry reads and writes its own field: a field added to Filter without an
// entry, or an entry pointing at another's field, fails here.
func TestFilterFieldsCoverTheFilter(t *testing.T) {
	t.Parallel()
	typ := reflect.TypeFor[Filter]()
	want := map[string]bool{}
	for i := range typ.NumField() {
		if n := typ.Field(i).Name; n != "From" && n != "To" {
			want[n] = true
		}
	}
	got := map[string]bool{}
	keys := map[string]bool{}
	for _, ff := range filterFields {
		require.False(t, keys[ff.Key], "key %s twice", ff.Key)
		keys[ff.Key] = true
		var f Filter
		switch ff.Kind {
		case FieldText:
			*ff.texts(&f) = []string{"x"}
		case FieldIDs:
			*ff.ids(&f) = []int64{1}
		case FieldOne:
			*ff.one(&f) = "x"
		default:
			t.Fatalf("%s: kind %q", ff.Key, ff.Kind)
		}
		v := reflect.ValueOf(f)
		var set []string
		for i := range typ.NumField() {
			if !v.Field(i).IsZero() {
				set = append(set, typ.Field(i).Name)
			}
		}
		require.Len(t, set, 1, "%s sets %v", ff.Key, set)
		require.False(t, got[set[0]], "%s: field %s has two entries", ff.Key, set[0])
		got[set[0]] = true
		require.NotEmpty(t, ff.Dimension, ff.Key)
		require.Len(t, ff.Strings(f), ff.count(&f), ff.Key)
	}
	require.Equal(t, want, got)
}
