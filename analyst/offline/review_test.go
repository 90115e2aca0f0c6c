package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// TestMissedQuotaByTheMost: "missed quota by the most" ranks by attainment
// lowest first, the one rule of "furthest below quota"; it was answered with
// the reps who beat quota the most.
func TestMissedQuotaByTheMost(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, limit := range map[string]int{
		"which rep missed quota by the most in 2025":        1,
		"which rep fell short of quota by the most in 2025": 1,
		"who missed their quota the most in 2025":           1,
		"the 3 reps who missed quota by the most in 2025":   3,
		"who was furthest below quota in 2025":              1,
	} {
		req := requireLimit(t, r, q, limit)
		require.Equal(t, []query.Order{query.Asc("quota_attainment")}, req.OrderBy, q)
	}
	res := r.Resolve(nil, "who missed quota by the least in 2025")
	require.True(t, res.Declined, res.Reading)
	require.Contains(t, res.Reason, "by the least")
}

// TestCompoundNumberWords: units and tens after a multiplier, with or without
// "and", belong to the number; they were cut off ("two hundred fifty" read
// as 200).
func TestCompoundNumberWords(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	requireLimits(t, r, map[string]int{
		"top two hundred fifty products":       250,
		"top one hundred and five customers":   105,
		"top two hundred twenty five products": 225,
		"top one thousand products":            1000,
		"top twenty five products":             25,
	})
	res := r.Resolve(nil, "order count for orders over two thousand five hundred dollars")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "$2,500")
}

// requireLimit resolves q, requires it read (not declined) listing limit
// rows, and returns its request.
func requireLimit(t *testing.T, r *Resolver, q string, limit int) query.Request {
	t.Helper()
	res := r.Resolve(nil, q)
	require.False(t, res.Declined, "%q: %s", q, res.Reason)
	require.Equal(t, limit, res.Request.Limit, q)
	return res.Request
}

// TestCountsPerGroupDecline: a count of customers kept by their spend asked
// per a further group, and a ranking by a count the model does not have, are
// declined naming the words; they were answered as one total, as the
// regions' revenue over the threshold, or ranked by revenue. The reps are
// counted per region (query's CompileCountGroupsBy; TestCountOfGroupsPerGroup
// checks the figures).
func TestCountsPerGroupDecline(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"number of reps by region", "how many reps does each region have", "how many reps hit quota in 2025 by region"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{"region"}, res.CountBy, q)
		require.Equal(t, "rep_name", res.Request.Dimensions[0], q)
		require.Contains(t, res.Reading, "by region", q)
	}
	for q, words := range map[string]string{
		"how many reps hit quota in 2025 by channel":       `"by channel"`,
		"customers who spent over $100k in 2025 by region": `"by region"`,
		"how many customers spent over $100k by segment":   `"by segment"`,
		"which region has the most reps":                   `"most reps"`,
		"which states had the most reps":                   `"most reps"`,
	} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
		require.Contains(t, res.Reason, words, q)
	}
	for _, q := range []string{"how many reps do we have", "how many customers spent over $100k", "how many reps hit quota in 2025"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
	}
}

// TestPluralSuperlativeListsTen: a plural group with a superlative and no
// number lists ten, whether or not "which" comes first; "reps with the most
// orders" gave one row.
func TestPluralSuperlativeListsTen(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	requireLimits(t, r, map[string]int{
		"reps with the most orders":                 10,
		"the reps with the highest revenue":         10,
		"which reps had the most orders":            10,
		"products with the highest revenue in 2025": 10,
		"rep with the most orders":                  1,
		"which rep had the most orders":             1,
	})
}

// requireLimits requires each question read listing its number of rows.
func requireLimits(t *testing.T, r *Resolver, limits map[string]int) {
	t.Helper()
	for q, limit := range limits {
		requireLimit(t, r, q, limit)
	}
}
