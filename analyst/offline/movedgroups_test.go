//go:build cgo

package offline_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWhichGroupsMovedListsEveryOne: "which categories shrank" asks for every
// category whose revenue fell, not the one that fell most (it was read as a top
// one: a different question, answered with confidence); "the most", a number
// or "hardest" still ask for a ranking. The expected rows are hand-written SQL
// over RAW.
func TestWhichGroupsMovedListsEveryOne(t *testing.T) {
	a := newAnalyst(t)
	const byCategory = `, y AS (SELECT CATEGORY, SUM(CASE WHEN ORDER_YEAR = 2025 THEN NET ELSE 0 END) -
	  SUM(CASE WHEN ORDER_YEAR = 2024 THEN NET ELSE 0 END) AS D FROM ords GROUP BY CATEGORY)
	SELECT CATEGORY, CAST(D AS VARCHAR) FROM y WHERE D %s 0 ORDER BY D %s`
	fell := rawRows(t, fmt.Sprintf(byCategory, "<", "ASC"))
	grew := rawRows(t, fmt.Sprintf(byCategory, ">", "DESC"))
	require.Greater(t, len(fell), 1, "the data has several categories that fell")
	require.Greater(t, len(grew), 1, "and several that grew")
	for _, q := range []string{
		"which categories shrank from 2024 to 2025",
		"categories whose revenue fell in 2025 vs 2024",
		"show the categories that declined in 2025 compared with 2024",
	} {
		require.Equal(t, fell, askRows(t, a, q, "category", "total_revenue_delta"), q)
	}
	for _, q := range []string{
		"which categories grew from 2024 to 2025",
		"which categories increased their revenue in 2025 vs 2024",
	} {
		require.Equal(t, grew, askRows(t, a, q, "category", "total_revenue_delta"), q)
	}
	for q, want := range map[string][]string{
		"which category shrank the most from 2024 to 2025":            fell[:1],
		"which 2 categories fell the most in 2025 against 2024":       fell[:2],
		"where did revenue fall hardest in 2025 vs 2024, by category": fell[:1],
		"which category grew the most from 2024 to 2025":              grew[:1],
	} {
		require.Equal(t, want, askRows(t, a, q, "category", "total_revenue_delta"), q)
	}
}
