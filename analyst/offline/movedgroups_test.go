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

// TestChangeRankingsReadAsSaid: rankings of a change a reviewer found
// answered as another question: "who grew the most" (the first rep by name),
// "shrank the least" (the biggest fall), "in each region" (one row overall),
// "which grew more, online or retail" (their totals, no change). Expected rows
// are hand-written SQL over RAW.
func TestChangeRankingsReadAsSaid(t *testing.T) {
	a := newAnalyst(t)
	change := func(dims, where string) string {
		return fmt.Sprintf(`, y AS (SELECT %[1]s, SUM(CASE WHEN ORDER_YEAR = 2025 THEN NET ELSE 0 END) -
		  SUM(CASE WHEN ORDER_YEAR = 2024 THEN NET ELSE 0 END) AS D FROM ords WHERE %[2]s GROUP BY %[1]s)
		SELECT %[1]s, CAST(D AS VARCHAR) FROM y`, dims, where)
	}
	reps := rawRows(t, change("REP_NAME", "TRUE")+" ORDER BY D DESC LIMIT 1")
	require.Equal(t, reps, askRows(t, a, "who grew the most in 2025", "rep_name", "total_revenue_delta"))

	fellLeast := rawRows(t, change("CATEGORY", "TRUE")+" WHERE D < 0 ORDER BY D DESC LIMIT 1")
	for _, q := range []string{"which category had the smallest decline in 2025", "which category shrank the least in 2025"} {
		require.Equal(t, fellLeast, askRows(t, a, q, "category", "total_revenue_delta"), q)
	}

	perRegion := rawRows(t, change("CATEGORY, REGION", "TRUE")+
		" QUALIFY ROW_NUMBER() OVER (PARTITION BY REGION ORDER BY D DESC, CATEGORY) = 1 ORDER BY REGION")
	require.Len(t, perRegion, 4)
	require.Equal(t, perRegion, askRows(t, a, "which category grew the most in 2025 in each region", "category", "region", "total_revenue_delta"))

	channels := rawRows(t, change("CHANNEL", "CHANNEL IN ('Online', 'Retail')")+" ORDER BY D DESC LIMIT 1")
	require.Equal(t, channels, askRows(t, a, "which grew more, online or retail", "channel", "total_revenue_delta"))
}
