package semantic_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// Aliases may not blow a small file up into a huge model.
func TestAliasExpansionIsBounded(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("name: m\nx: &s [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("v, ", 50), ", "))
	b.WriteString("]\ny: &d {name: d, expr: D, data_type: VARCHAR, sample_values: *s}\nz: &t {name: t, base_table: {database: a, schema: b, table: c}, dimensions: [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("*d, ", 200), ", "))
	b.WriteString("]}\ntables: [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("*t, ", 200), ", "))
	b.WriteString("]\n")
	_, err := semantic.Parse("laughs.yaml", []byte(b.String()))
	require.ErrorContains(t, err, "aliases expand the document beyond 10 times its size")
}

// Odd keys never break position lookup.
func TestOddKeysKeepPositions(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"a[b", "a]b", "a.b", "[0]", "]["} {
		_, err := semantic.Parse("odd.yaml", []byte("name: m\n\""+key+"\": 1\ntables: []\n"))
		require.ErrorContains(t, err, "odd.yaml:2:1:", key)
	}
}
