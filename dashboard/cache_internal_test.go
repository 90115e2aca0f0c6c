package dashboard

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCacheIsBoundedByBytes: values of 10 KB each under a 100 KB bound leave
// at most 100 KB held however many distinct keys are stored, and a value larger
// than the bound is returned but not kept.
func TestCacheIsBoundedByBytes(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newCache(time.Hour, func() time.Time { return now }, 1_000_000, 100<<10)
	for i := range 1000 {
		key := "k" + strconv.Itoa(i)
		v, hit, err := c.do(key, func() (any, string, error) {
			return &struct{ Rows []string }{[]string{strings.Repeat("x", 10<<10)}}, key, nil
		})
		require.NoError(t, err)
		require.False(t, hit)
		require.NotNil(t, v)
		n, b := c.stats()
		require.LessOrEqual(t, b, int64(100<<10))
		require.LessOrEqual(t, n, 10)
	}
	n, b := c.stats()
	require.Equal(t, 9, n, "ten values of 10 KB and their headers pass 100 KB")
	require.Greater(t, b, int64(90<<10))

	big, hit, err := c.do("big", func() (any, string, error) { return strings.Repeat("y", 200<<10), "big", nil })
	require.NoError(t, err)
	require.False(t, hit)
	require.Len(t, big, 200<<10)
	_, ok := c.get("big")
	require.False(t, ok)
}

// TestSizeOfGrowsWithTheData: the estimate counts strings, slices, maps and
// what pointers reach, once per pointer.
func TestSizeOfGrowsWithTheData(t *testing.T) {
	t.Parallel()
	type row struct {
		Name string
		At   time.Time
	}
	small := sizeOf(&struct{ Rows []row }{make([]row, 10)})
	large := sizeOf(&struct{ Rows []row }{make([]row, 1000)})
	require.Greater(t, large, 90*small)
	s := strings.Repeat("z", 1<<20)
	p := &s
	require.Less(t, sizeOf([]*string{p, p, p}), int64(1<<20+1024), "a shared pointer counts once")
	require.Greater(t, sizeOf(map[string]string{"a": s}), int64(1<<20))
}
