package dashboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The leaderboard's quota attainment and the customer view's new and returning
// customers, asked of the semantic layer as requests (metrics of several
// tables), equal what the views show today — so the views can become clients of
// query without a number changing.
func TestQuotaAndNewCustomerRequestsEqualTheViews(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: clock})
	require.NoError(t, err)
	run := func(req query.Request) []map[string]any {
		q, err := c.Compile(req)
		require.NoError(t, err)
		res, err := q.Run(ctx, db)
		require.NoError(t, err)
		out := make([]map[string]any, len(res.Rows))
		for i := range res.Rows {
			out[i] = res.Map(i)
		}
		return out
	}
	dec := func(v any) string { return v.(decimal.Decimal).String() }
	nullDec := func(v decimal.NullDecimal) string {
		if !v.Valid {
			return "NULL"
		}
		return v.Decimal.String()
	}

	for _, f := range []dashboard.Filter{
		{From: date("2025-01-01"), To: date("2025-12-31")},
		{From: date("2025-02-10"), To: date("2025-05-20")},
		{From: date("2024-01-01"), To: date("2024-12-31"), Regions: []string{"East"}},
	} {
		reps, err := d.Reps(ctx, f, dashboard.RepsOptions{Rep: 7})
		require.NoError(t, err)
		dates := &query.DateFilter{Range: query.Dates(f.From, f.To)}
		var where query.Filter
		if len(f.Regions) > 0 {
			where = query.In("region", "East")
		}
		type figures struct{ Revenue, Orders, Quota, Attainment string }
		want := map[int64]figures{}
		for _, r := range reps.Leaderboard {
			want[r.Rep.ID] = figures{r.Revenue.String(), decimal.NewFromInt(r.Orders).String(), r.Quota.String(), nullDec(r.Attainment)}
		}
		got := map[int64]figures{}
		req := querytest.QuotaByRep2025()
		req.Dates = dates
		rows := run(req)
		if where != nil {
			// A rep's quota is the rep's, whatever the orders' filter: the
			// request refuses a filter on orders for it (see the query tests);
			// a region's leaderboard is its reps' rows, and each rep sells in
			// the rep's one region.
			regional := map[int64]bool{}
			for _, r := range run(query.Request{Metrics: []string{"orders"}, Dimensions: []string{"rep_id"}, Where: where, Dates: dates}) {
				regional[r["rep_id"].(int64)] = true
			}
			kept := rows[:0]
			for _, r := range rows {
				if regional[r["rep_id"].(int64)] {
					kept = append(kept, r)
				}
			}
			rows = kept
		}
		for _, r := range rows {
			got[r["rep_id"].(int64)] = figures{dec(r["revenue"]), decimal.NewFromInt(r["orders"].(int64)).String(), dec(r["quota"]), dec(r["quota_attainment"])}
		}
		require.NotEmpty(t, want)
		require.Equal(t, want, got, "leaderboard %s to %s", f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))

		require.NotNil(t, reps.Detail)
		req = querytest.QuotaByRepMonth2025()
		req.Dates, req.Where = dates, query.Eq("rep_id", 7)
		var wantMonths, gotMonths [][3]string
		for _, m := range reps.Detail.Months {
			wantMonths = append(wantMonths, [3]string{m.Month.Month.Format(time.DateOnly), m.Quota.String(), nullDec(m.Attainment)})
		}
		for _, r := range run(req) {
			gotMonths = append(gotMonths, [3]string{r["order_date_month"].(time.Time).Format(time.DateOnly), dec(r["quota"]), dec(r["quota_attainment"])})
		}
		if where == nil { // the detail is compared over the unfiltered periods
			require.NotEmpty(t, wantMonths)
			require.Equal(t, wantMonths, gotMonths, "rep 7's months")
		}

		cust, err := d.Customers(ctx, f, dashboard.CustomersOptions{})
		require.NoError(t, err)
		nvr := querytest.NewVsReturning2025()
		nvr.Dates, nvr.Where = dates, where
		var wantNVR, gotNVR [][4]string
		for _, m := range cust.NewVsReturning {
			wantNVR = append(wantNVR, [4]string{m.Month.Format(time.DateOnly), itoa(m.Active), itoa(m.New), itoa(m.Returning)})
		}
		for _, r := range run(nvr) {
			gotNVR = append(gotNVR, [4]string{r["order_date_month"].(time.Time).Format(time.DateOnly), itoa(r["customers"].(int64)), itoa(r["new_customers"].(int64)), itoa(r["returning_customers"].(int64))})
		}
		require.NotEmpty(t, wantNVR)
		require.Equal(t, wantNVR, gotNVR, "new vs returning %s to %s", f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))
	}
}

func itoa(n int64) string { return decimal.NewFromInt(n).String() }
