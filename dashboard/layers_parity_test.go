package dashboard_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The dashboard's hand computations — growth against a comparison period,
// shares, a top-N list with its Other row — equal query's analysis layers
// asked for the same thing: the mapping a conversion of the dashboard follows.
func TestDashboardFiguresEqualQueryLayers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := build(t, 0.05)
	d := newDash(t, eng.DB(), dashboard.Options{TopN: 5})
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: clock})
	require.NoError(t, err)
	run := func(req query.Request) []map[string]any {
		q, err := c.Compile(req)
		require.NoError(t, err)
		res, err := q.Run(ctx, eng.DB())
		require.NoError(t, err)
		out := make([]map[string]any, len(res.Rows))
		for i := range res.Rows {
			out[i] = res.Map(i)
		}
		return out
	}
	f := dashboard.Filter{From: date("2025-01-01"), To: date("2025-06-30")}
	dates := &query.DateFilter{Range: query.Dates(f.From, f.To)}

	// Product view: categories with share and growth a year earlier.
	pv, err := d.Product(ctx, f, dashboard.ProductOptions{Compare: dashboard.CompareYear})
	require.NoError(t, err)
	cats := map[string]map[string]any{}
	for _, r := range run(query.Request{Metrics: []string{"revenue", "units_sold"}, Dimensions: []string{"category"}, Dates: dates,
		Shares: []query.Share{{Metric: "revenue"}}, Compare: &query.Compare{To: query.CompareYearAgo, Metrics: []string{"revenue"}}}) {
		cats[r["category"].(string)] = r
	}
	require.Len(t, cats, len(pv.Categories))
	require.True(t, pv.Categories[0].Growth.Base.Valid, "a year earlier has data")
	for _, row := range pv.Categories {
		r := cats[row.Category]
		require.True(t, row.Revenue.Equal(r["revenue"].(decimal.Decimal)), row.Category)
		require.Equal(t, row.Units, r["units_sold"])
		requireNull(t, row.Share, r["revenue_share"])
		requireNull(t, row.Growth.Base, r["revenue_base"])
		requireNull(t, row.Growth.Delta, r["revenue_delta"])
		requireNull(t, row.Growth.Pct, r["revenue_pct"])
	}

	// Product view: the top 5 products with their shares and the Other row.
	top := run(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"product_id", "product_name"}, Dates: dates,
		Shares: []query.Share{{Metric: "revenue"}}, Rank: &query.Rank{Top: 5, Other: true}})
	require.Len(t, pv.Top, 6, "five products and Other")
	require.Len(t, top, len(pv.Top))
	for i, s := range pv.Top {
		r := top[i]
		require.True(t, s.Revenue.Equal(r["revenue"].(decimal.Decimal)))
		requireNull(t, s.Share, r["revenue_share"])
		require.Equal(t, s.Other, r["other"])
		require.Equal(t, int64(s.Count), r["other_count"])
		if !s.Other {
			require.Equal(t, int64(s.Rank), r["rank"])
			require.Equal(t, strconv.FormatInt(r["product_id"].(int64), 10), s.Key)
		}
	}

	// Executive view: revenue, orders, AOV, customers and units against a year
	// earlier (none for the first quarter of the data), and each region's share.
	for _, fl := range []dashboard.Filter{f, {From: date("2024-01-01"), To: date("2024-03-31")}} {
		ex, err := d.Executive(ctx, fl, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
		require.NoError(t, err)
		kpi := run(query.Request{Metrics: []string{"revenue", "orders", "aov", "customers", "units_sold"}, Dates: &query.DateFilter{Range: query.Dates(fl.From, fl.To)},
			Compare: &query.Compare{To: query.CompareYearAgo}})[0]
		for _, k := range ex.KPIs {
			name := map[string]string{"units": "units_sold"}[k.Name]
			if name == "" {
				name = k.Name
			}
			requireNull(t, k.Value, kpi[name])
			requireNull(t, k.Change.Base, kpi[name+"_base"])
			requireNull(t, k.Change.Delta, kpi[name+"_delta"])
			requireNull(t, k.Change.Pct, kpi[name+"_pct"])
		}
		require.Equal(t, fl.From.Equal(f.From), ex.KPIs[0].Change.Base.Valid, "a base only where the year before has data")
	}
	ex, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	regions := run(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Dates: dates,
		Shares: []query.Share{{Metric: "revenue"}}, OrderBy: []query.Order{query.Desc("revenue")}})
	require.Len(t, regions, len(ex.Regions))
	for i, s := range ex.Regions {
		require.Equal(t, s.Key, regions[i]["region"])
		requireNull(t, s.Share, regions[i]["revenue_share"])
	}
}

// requireNull requires a dashboard figure to equal a query value: both NULL,
// or equal decimals (a count is compared as a decimal).
func requireNull(t *testing.T, want decimal.NullDecimal, got any) {
	t.Helper()
	if i, ok := got.(int64); ok {
		got = decimal.NewFromInt(i)
	}
	if !want.Valid {
		require.Nil(t, got)
		return
	}
	require.NotNil(t, got, "want %s", want.Decimal)
	require.True(t, want.Decimal.Equal(got.(decimal.Decimal)), "want %s, got %s", want.Decimal, got)
}
