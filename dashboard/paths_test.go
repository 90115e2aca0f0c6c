package dashboard_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// gridFilters mixes filters the marts cover (whole months, regions only, the
// whole range, segments only) with ones only FCT_ORDERS can answer.
func gridFilters() []dashboard.Filter {
	return []dashboard.Filter{
		{},
		{From: date("2025-01-01"), To: date("2025-03-31")},
		{From: date("2024-02-01"), To: date("2024-11-30"), Regions: []string{"East", "West"}},
		{From: date("2024-05-07"), To: date("2024-09-23"), Regions: []string{"South"}},
		{Categories: []string{"HOME"}},
		{From: date("2025-04-01"), To: date("2025-09-30"), Products: []int64{4, 239}},
		{Segments: []string{"SMB"}},
		{Industries: []string{"Retail", "Energy"}},
		{From: date("2025-07-01"), To: date("2025-12-31"), Reps: []int64{1, 2, 3}},
		{From: date("2024-01-01"), To: date("2024-12-31"), Channel: "Partner"},
		{From: date("2025-11-01"), To: date("2026-01-31")},
	}
}

// TestMartAndFactPathsAgree: every view gives identical tables with the query
// planner's aggregate awareness on (PathAuto: requests answered from the
// pre-aggregated marts where they cover them) and off (PathFacts: query's
// Options.NoRollups, every request from FCT_ORDERS), over a grid of filters;
// and the grid exercises every mart.
func TestMartAndFactPathsAgree(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	auto := newDash(t, db, dashboard.Options{Path: dashboard.PathAuto, TopN: 5})
	facts := newDash(t, db, dashboard.Options{Path: dashboard.PathFacts, TopN: 5})
	ctx := context.Background()
	used := map[string]bool{}
	type view func(*dashboard.Dashboard, dashboard.Filter) (dashboard.Exporter, map[string]string, error)
	views := map[string]view{
		"executive": func(d *dashboard.Dashboard, f dashboard.Filter) (dashboard.Exporter, map[string]string, error) {
			v, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
			return v, v.Sources, err
		},
		"regional": func(d *dashboard.Dashboard, f dashboard.Filter) (dashboard.Exporter, map[string]string, error) {
			v, err := d.Regional(ctx, f, dashboard.RegionalOptions{Region: "North"})
			if len(f.Regions) > 0 {
				v, err = d.Regional(ctx, f, dashboard.RegionalOptions{Region: f.Regions[0]})
			}
			return v, v.Sources, err
		},
		"product": func(d *dashboard.Dashboard, f dashboard.Filter) (dashboard.Exporter, map[string]string, error) {
			v, err := d.Product(ctx, f, dashboard.ProductOptions{Product: 239})
			return v, v.Sources, err
		},
		"reps": func(d *dashboard.Dashboard, f dashboard.Filter) (dashboard.Exporter, map[string]string, error) {
			v, err := d.Reps(ctx, f, dashboard.RepsOptions{Rep: 2})
			return v, v.Sources, err
		},
		"customers": func(d *dashboard.Dashboard, f dashboard.Filter) (dashboard.Exporter, map[string]string, error) {
			v, err := d.Customers(ctx, f, dashboard.CustomersOptions{})
			return v, v.Sources, err
		},
	}
	for name, fn := range views {
		for _, f := range gridFilters() {
			a, src, err := fn(auto, f)
			require.NoError(t, err, "%s %s", name, f)
			b, fsrc, err := fn(facts, f)
			require.NoError(t, err, "%s %s", name, f)
			require.Equal(t, a.Tables(), b.Tables(), "%s %s: paths differ (auto read %v)", name, f, src)
			for _, s := range src {
				used[s] = true
			}
			for table, s := range fsrc {
				switch table {
				case dashboard.TableNewVsReturning, dashboard.TableRepMonths: // beside the customers' or reps' table
					require.Contains(t, s, "FCT_ORDERS", "%s %s: PathFacts read %s for %s", name, f, s, table)
				default:
					require.Equal(t, "FCT_ORDERS (semantic layer)", s, "%s %s: PathFacts read %s for %s", name, f, s, table)
				}
			}
		}
	}
	for _, m := range []string{"MARTS.DAILY_SALES", "MARTS.SALES_BY_REGION", "MARTS.SALES_BY_PRODUCT", "MARTS.SALES_BY_CUSTOMER", "MARTS.SALES_BY_REP", "FCT_ORDERS (semantic layer)"} {
		require.True(t, used[m], "the grid never read %s: %v", m, used)
	}
}
