package editdist_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/editdist"
)

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"revenue", "revnue", -1, 1},
		{"kitten", "sitting", -1, 3},
		{"", "abc", -1, 3},
		{"same", "same", 0, 0},
		{"kitten", "sitting", 2, 3}, // gives up: limit+1
		{"a", "abcdef", 1, 2},       // length gap alone exceeds the limit
		{"electornics", "electronics", 2, 2},
	} {
		require.Equal(t, tc.want, editdist.Distance(tc.a, tc.b, tc.limit), "%q %q %d", tc.a, tc.b, tc.limit)
	}
}

func TestTransposed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"regoin", "region", 2, 1},
		{"region", "region", 2, 0},
		{"revnue", "revenue", 2, 1},
		{"rveenue", "revenue", 2, 1},
		{"ab", "ba", -1, 1},
		{"abc", "ca", -1, 3},
		{"kitten", "sitting", -1, 3},
		{"producst", "products", 1, 1},
		{"cusotmer", "customer", 1, 1},
		{"abcdef", "badcfe", 2, 3},
	} {
		require.Equal(t, tc.want, editdist.Transposed(tc.a, tc.b, tc.limit), "%s → %s", tc.a, tc.b)
		require.Equal(t, tc.want == 0, editdist.Distance(tc.a, tc.b, tc.limit) == 0)
	}
}
