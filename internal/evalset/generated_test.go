package evalset_test

import (
	"os"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
)

// TestPinnedAnswersAgreeWithGeneratedRows recomputes a sample of the pinned
// answers a second, independent way: in Go, over the rows the generator makes
// for the demo warehouse (scale 1, default seed, clean), in exact cents. It
// checks the SQL of those families, and clean.sql's reading of RAW, without a
// database.
func TestPinnedAnswersAgreeWithGeneratedRows(t *testing.T) {
	g, err := datagen.New(datagen.DefaultConfig())
	require.NoError(t, err)
	reps := map[int64]datagen.Rep{}
	for _, r := range g.Reps() {
		reps[r.ID] = r
	}
	byRegion := map[string]datagen.Cents{}
	var over1000, discounted, orders int64
	var rev2025, ca datagen.Cents
	first := map[int64]time.Time{}
	repRev2025 := map[int64]datagen.Cents{}
	for i := range g.NumOrders() {
		o := g.Order(i)
		require.Equal(t, datagen.RuleNone, o.Defect, "the demo data is clean")
		net := o.NetAmount()
		orders++
		byRegion[reps[o.RepID].Region] += net
		if net > 1000_00 {
			over1000++
		}
		if o.Discount > 0 {
			discounted++
		}
		if o.OrderDate.Year() == 2025 {
			rev2025 += net
			repRev2025[o.RepID] += net
		}
		if g.Customer(o.CustomerID-1).State == "CA" {
			ca += net
		}
		if f, ok := first[o.CustomerID]; !ok || o.OrderDate.Before(f) {
			first[o.CustomerID] = o.OrderDate
		}
	}
	var new2025, atQuota int64
	for _, d := range first {
		if d.Year() == 2025 {
			new2025++
		}
	}
	for id, r := range reps {
		if repRev2025[id] >= r.AnnualQuota {
			atQuota++
		}
	}
	fsys := os.DirFS(setDir)
	value := func(family string) string {
		t.Helper()
		a, err := evalset.LoadAnswer(fsys, family)
		require.NoError(t, err)
		return a.Rows[0][0]
	}
	require.Equal(t, over1000, mustInt(t, value("thr-orders-over-1000")))
	require.Equal(t, new2025, mustInt(t, value("new-customers-2025")))
	require.Equal(t, atQuota, mustInt(t, value("quota-reps-hit-2025")))
	require.Equal(t, ca.String(), value("ent-california-revenue"))
	require.Equal(t, rev2025.String(), value("mw-money-2025"))
	// 2025 revenue / 12 and discounted orders / orders x 100, half away from zero.
	require.Equal(t, rev2025.Decimal().DivRound(decimal.NewFromInt(12), 2).StringFixed(2), value("avg-monthly-revenue-2025"))
	require.Equal(t, decimal.NewFromInt(discounted*100).DivRound(decimal.NewFromInt(orders), 2).StringFixed(2), value("share-discounted-orders"))

	regions, err := evalset.LoadAnswer(fsys, "plain-revenue-by-region")
	require.NoError(t, err)
	require.Len(t, regions.Rows, len(byRegion))
	for _, row := range regions.Rows {
		require.Equal(t, byRegion[row[0]].String(), row[1], row[0])
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(t, err)
	require.True(t, d.IsInteger(), s)
	return d.IntPart()
}
