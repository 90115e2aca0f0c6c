package snowflake_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
)

// TestDashboardOnSnowflakeMatchesEmbedded computes every dashboard view in the
// Snowflake dialect, through the real driver, and requires every exported table
// to equal the same view on the embedded engine, cell for cell.
func TestDashboardOnSnowflakeMatchesEmbedded(t *testing.T) {
	ctx := context.Background()
	f, emb := cleanWarehouses(t)

	sf, err := dashboard.New(f.eng.DB(), dialect.Snowflake, dashboard.Options{Now: f.clock, TopN: 5})
	require.NoError(t, err)
	duck, err := dashboard.New(emb.DB(), dialect.DuckDB, dashboard.Options{Now: f.clock, TopN: 5})
	require.NoError(t, err)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, fl := range []dashboard.Filter{
		{},
		{From: day("2025-01-01"), To: day("2025-06-30"), Regions: []string{"North", "East"}},
		{From: day("2024-03-05"), To: day("2024-10-20"), Channel: "Online", Segments: []string{"SMB"}},
	} {
		views := func(d *dashboard.Dashboard) []dashboard.Exporter {
			ex, err := d.Executive(ctx, fl, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
			require.NoError(t, err, fl.String())
			rg, err := d.Regional(ctx, fl, dashboard.RegionalOptions{Region: "North"})
			require.NoError(t, err)
			pr, err := d.Product(ctx, fl, dashboard.ProductOptions{Product: 4})
			require.NoError(t, err)
			rp, err := d.Reps(ctx, fl, dashboard.RepsOptions{Rep: 3})
			require.NoError(t, err)
			cu, err := d.Customers(ctx, fl, dashboard.CustomersOptions{})
			require.NoError(t, err)
			return []dashboard.Exporter{ex, rg, pr, rp, cu}
		}
		a, b := views(sf), views(duck)
		for i := range a {
			require.Equal(t, b[i].Tables(), a[i].Tables(), "%s view %d", fl, i)
		}
	}
}
