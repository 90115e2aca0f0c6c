package datagen

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Pinned checksums: a change here means every machine's data set changed. Update
// them only with a Version bump.
const (
	checksumScale1      = "02d2fa28c3cb04de15dc9b4605e7b7612680d2cf46bac193ac0a4aaf5a363962"
	checksumScale1Dirty = "f3c7b920e5bb04783d1e7965d0ffd4a312347431d4da5db012c3367e0355090b"
)

func mustNew(tb testing.TB, cfg Config) *Generator {
	tb.Helper()
	g, err := New(cfg)
	require.NoError(tb, err)
	return g
}

func TestChecksumIsDeterministicAndPinned(t *testing.T) {
	a := mustNew(t, DefaultConfig()).Checksum()
	b := mustNew(t, DefaultConfig()).Checksum()
	require.Equal(t, a, b, "two runs with the same seed must agree")
	require.Equal(t, checksumScale1, a, "scale-1 data set changed")

	dirty := DefaultConfig()
	dirty.DirtyFraction = 0.01
	require.Equal(t, checksumScale1Dirty, mustNew(t, dirty).Checksum())

	other := DefaultConfig()
	other.Seed++
	require.NotEqual(t, a, mustNew(t, other).Checksum(), "another seed must give other data")
}

func TestRowsArePureFunctionsOfIndex(t *testing.T) {
	g := mustNew(t, Config{Seed: 7, Scale: 0.05, DirtyFraction: 0.2})
	// Backwards, and twice: the same rows.
	for i := g.NumOrders() - 1; i >= 0; i-- {
		require.Equal(t, g.Order(i), g.Order(i))
	}
	require.Equal(t, g.Customer(3), mustNew(t, Config{Seed: 7, Scale: 0.05}).Customer(3))
}

func TestSizesFollowScale(t *testing.T) {
	for _, tc := range []struct {
		scale             float64
		customers, orders int64
	}{
		{1, 10_000, 100_000},
		{0.01, 100, 1_000},
		{2.5, 25_000, 250_000},
		{0.00001, 1, 1},
	} {
		g := mustNew(t, Config{Scale: tc.scale})
		require.Equal(t, tc.customers, g.NumCustomers(), "scale %v", tc.scale)
		require.Equal(t, tc.orders, g.NumOrders(), "scale %v", tc.scale)
		require.Len(t, g.Products(), NumProducts)
		require.Len(t, g.Reps(), NumReps)
	}
}

func TestDistributions(t *testing.T) {
	g := mustNew(t, DefaultConfig())

	segments := map[string]int64{}
	for i := range g.NumCustomers() {
		segments[g.Customer(i).Segment]++
	}
	require.Equal(t, map[string]int64{"Enterprise": 1000, "SMB": 3000, "Consumer": 6000}, segments)

	for _, p := range g.Products() {
		require.GreaterOrEqual(t, int64(p.UnitPrice), int64(1000), p.Name)
		require.LessOrEqual(t, int64(p.UnitPrice), int64(500_000), p.Name)
		require.Less(t, int64(p.UnitCost), int64(p.UnitPrice), p.Name)
	}
	require.Equal(t, "Product_0001", g.Products()[0].Name)

	var discounted int64
	months := map[string]bool{}
	minDate, maxDate := DefaultEnd(), DefaultStart()
	for i := range g.NumOrders() {
		o := g.Order(i)
		if o.Discount > 0 {
			discounted++
		}
		months[o.OrderDate.Format("2006-01")] = true
		if o.OrderDate.Before(minDate) {
			minDate = o.OrderDate
		}
		if o.OrderDate.After(maxDate) {
			maxDate = o.OrderDate
		}
		require.Greater(t, o.Quantity, int64(0))
	}
	share := float64(discounted) / float64(g.NumOrders())
	require.InDelta(t, 0.10, share, 0.005, "discounted share")
	require.Len(t, months, 24, "every month of both years has orders")
	require.Equal(t, DefaultStart(), minDate)
	require.Equal(t, DefaultEnd(), maxDate)
}

func TestCalibrationAtScale1(t *testing.T) {
	g := mustNew(t, DefaultConfig())
	f := g.Figures()
	dollars := func(c Cents) float64 { return float64(c) / 100 } // only for tolerance checks

	require.InEpsilon(t, 394e6, dollars(f.Revenue), 0.02, "total revenue %s", f.Revenue)
	for _, r := range Regions() {
		require.InEpsilon(t, dollars(f.Revenue)/4, dollars(f.ByRegion[r]), 0.10, "region %s: %s", r, f.ByRegion[r])
	}
	require.InEpsilon(t, 6e6, dollars(f.TopProduct.Revenue), 0.10, "top product %+v", f.TopProduct)
	require.InEpsilon(t, 16e6, dollars(f.ByMonth["2025-12"]), 0.06, "December 2025: %s", f.ByMonth["2025-12"])
	t.Logf("revenue %s; regions %v; top %s %s (%s); Dec 2025 %s from %d orders",
		f.Revenue, f.ByRegion, f.TopProduct.Name, f.TopProduct.Revenue, f.TopProduct.Category, f.ByMonth["2025-12"], f.OrdersByMonth["2025-12"])
}

func TestDirtyRowsAreRecordedExactly(t *testing.T) {
	g := mustNew(t, Config{Seed: 11, Scale: 0.2, DirtyFraction: 0.05})
	in := g.Injected()
	require.InDelta(t, 0.05*float64(g.NumOrders()), float64(in.Total()), 0.01*float64(g.NumOrders()))
	require.Len(t, in.Rows, int(in.Total()))

	seen := map[int64]int64{} // order id → first index
	byIndex := map[int64]Rule{}
	for _, r := range in.Rows {
		byIndex[r.Index] = r.Rule
		require.NotEmpty(t, r.Reason)
	}
	counted := map[Rule]int64{}
	for i := range g.NumOrders() {
		o := g.Order(i)
		rule := byIndex[i]
		require.Equal(t, rule, o.Defect, "row %d", i)
		counted[o.Defect]++
		switch rule {
		case RuleNone:
			require.True(t, o.HasCustomer)
			require.LessOrEqual(t, o.ProductID, int64(NumProducts))
			require.Positive(t, o.Quantity)
			require.False(t, o.OrderDate.After(DefaultEnd()))
		case RuleMissingCustomer:
			require.False(t, o.HasCustomer)
		case RuleUnknownProduct:
			require.Greater(t, o.ProductID, int64(NumProducts))
		case RuleBadQuantity:
			require.LessOrEqual(t, o.Quantity, int64(0))
		case RuleFutureDate:
			require.False(t, o.OrderDate.Before(FutureDateFrom()))
		case RuleDuplicateID:
			first, ok := seen[o.ID]
			require.True(t, ok, "duplicate %d must repeat an earlier id", o.ID)
			orig := g.Order(first)
			require.True(t, o.LoadedAt.After(orig.LoadedAt), "duplicate loads later")
		}
		if _, ok := seen[o.ID]; !ok {
			seen[o.ID] = i
		}
	}
	for _, r := range Rules() {
		require.Equal(t, in.Counts[r], counted[r], "rule %s", r)
		require.Positive(t, in.Counts[r], "rule %s injected at least once", r)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		msg  string
	}{
		{"zero scale", Config{}, "Scale must be positive"},
		{"negative scale", Config{Scale: -1}, "Scale must be positive"},
		{"huge scale", Config{Scale: 1e6}, "above the limit"},
		{"dirty above half", Config{Scale: 1, DirtyFraction: 0.6}, "DirtyFraction"},
		{"dirty negative", Config{Scale: 1, DirtyFraction: -0.1}, "DirtyFraction"},
		{"end before start", Config{Scale: 1, Start: DefaultEnd(), End: DefaultStart()}, "before Start"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			require.ErrorIs(t, err, ErrInvalidConfig)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestNetAmountRoundsHalfAwayFromZero(t *testing.T) {
	for _, tc := range []struct {
		qty   int64
		price Cents
		disc  BasisPoints
		want  Cents
	}{
		{1, 1000, 0, 1000},
		{3, 1999, 1500, 5097},    // 59.97 × 0.85 = 50.9745 → 50.97
		{1, 1, 500, 1},           // 0.0095 → 0.01
		{1, 10, 500, 10},         // 0.095 → 0.10 (half away from zero)
		{2, 5, 2500, 8},          // 0.075 → 0.08
		{-2, 5, 2500, -8},        // negative quantities round away from zero too
		{1, 123456, 2500, 92592}, // 925.92
	} {
		require.Equal(t, tc.want, NetAmount(tc.qty, tc.price, tc.disc), "%+v", tc)
	}
	require.Equal(t, "-0.05", Cents(-5).String())
	require.Equal(t, "12345.67", Cents(1234567).String())
	require.Equal(t, "0.1500", BasisPoints(1500).String())
	require.Equal(t, "2024-01-01", DefaultStart().Format(time.DateOnly))
}
