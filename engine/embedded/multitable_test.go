package embedded_test

import (
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The Go oracle of the multi-table requests: from the generator's valid orders
// and reps, in integer cents and decimal arithmetic, sharing nothing with the
// compiler.

func monthOf(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }

// monthlyQuota is a twelfth of the annual quota at 16 places, not rounded to
// the cent: a range's quota is rounded once, after its months are summed, so a
// whole year is the annual quota to the cent.
func monthlyQuota(r datagen.Rep) decimal.Decimal {
	return r.AnnualQuota.Decimal().DivRound(decimal.NewFromInt(12), 16)
}

// quotaOver is the monthly quota over [from, to]: full months as they are, a
// month covered in part by its share of days (16 places), summed, then rounded
// once to the cent.
func quotaOver(monthly decimal.Decimal, from, to time.Time) decimal.Decimal {
	sum := decimal.Zero
	for m := monthOf(from); !m.After(to); m = m.AddDate(0, 1, 0) {
		end := m.AddDate(0, 1, -1)
		lo, hi := m, end
		if lo.Before(from) {
			lo = from
		}
		if hi.After(to) {
			hi = to
		}
		days := int64(hi.Sub(lo).Hours()/24) + 1
		sum = sum.Add(monthly.Mul(decimal.NewFromInt(days)).DivRound(decimal.NewFromInt(int64(end.Day())), 16))
	}
	return sum.Round(2)
}

func attainment(rev, quota decimal.Decimal) string {
	if quota.IsZero() {
		return "NULL"
	}
	return rev.DivRound(quota, 4).String()
}

// oracleQuota returns rows of (month when byMonth, rep, revenue, [orders,] quota,
// attainment) for the valid orders in [from, to] of the reps in only (all when
// empty), ordered as the requests order them.
func oracleQuota(g *datagen.Generator, from, to time.Time, byMonth, withOrders bool, only ...int64) [][]string {
	type key struct {
		m   time.Time
		rep int64
	}
	rev, orders := map[key]datagen.Cents{}, map[key]int64{}
	for _, o := range validOrders(g) {
		if o.OrderDate.Before(from) || o.OrderDate.After(to) || (len(only) > 0 && !containsID(only, o.RepID)) {
			continue
		}
		k := key{rep: o.RepID}
		if byMonth {
			k.m = monthOf(o.OrderDate)
		}
		rev[k] += o.NetAmount()
		orders[k]++
	}
	keys := make([]key, 0, len(rev))
	for k := range rev {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if !byMonth && rev[keys[i]] != rev[keys[j]] {
			return rev[keys[i]] > rev[keys[j]] // by revenue, descending
		}
		if !keys[i].m.Equal(keys[j].m) {
			return keys[i].m.Before(keys[j].m)
		}
		return keys[i].rep < keys[j].rep
	})
	var out [][]string
	for _, k := range keys {
		monthly := monthlyQuota(g.Reps()[k.rep-1])
		lo, hi := from, to
		if byMonth {
			lo, hi = maxTime(from, k.m), minTime(to, k.m.AddDate(0, 1, -1))
		}
		quota := quotaOver(monthly, lo, hi)
		var row []string
		if byMonth {
			row = append(row, k.m.Format(time.DateOnly))
		}
		row = append(row, strconv.FormatInt(k.rep, 10), rev[k].Decimal().String())
		if withOrders {
			row = append(row, strconv.FormatInt(orders[k], 10))
		}
		out = append(out, append(row, quota.String(), attainment(rev[k].Decimal(), quota)))
	}
	return out
}

// oracleQuotaBy returns rows of (group, revenue, quota, attainment) per group
// of reps (their region, their name) that have valid orders in [from, to],
// among the reps in only (all when empty), by group: the revenue of their
// orders, the quota of every rep of the group — each month's quota prorated by
// the days of it the range covers (16 places), summed over reps and months,
// then rounded once to the cent — never counted per order.
func oracleQuotaBy(g *datagen.Generator, from, to time.Time, group func(datagen.Rep) string, only ...int64) [][]string {
	rev := map[string]datagen.Cents{}
	for _, o := range validOrders(g) {
		if !o.OrderDate.Before(from) && !o.OrderDate.After(to) && (len(only) == 0 || containsID(only, o.RepID)) {
			rev[group(g.Reps()[o.RepID-1])] += o.NetAmount()
		}
	}
	quota := map[string]decimal.Decimal{}
	for _, r := range g.Reps() {
		if len(only) > 0 && !containsID(only, r.ID) {
			continue
		}
		for m := monthOf(from); !m.After(to); m = m.AddDate(0, 1, 0) {
			end := m.AddDate(0, 1, -1)
			days := int64(minTime(to, end).Sub(maxTime(from, m)).Hours()/24) + 1
			quota[group(r)] = quota[group(r)].Add(monthlyQuota(r).Mul(decimal.NewFromInt(days)).DivRound(decimal.NewFromInt(int64(end.Day())), 16))
		}
	}
	var out [][]string
	for k, v := range rev {
		q := quota[k].Round(2)
		out = append(out, []string{k, v.Decimal().String(), q.String(), attainment(v.Decimal(), q)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// oracleNewVsReturning returns, per month of [from, to], the customers whose
// valid orders in region (any when empty) fall in it, those whose first valid
// order ever falls in that month, and the rest.
func oracleNewVsReturning(g *datagen.Generator, from, to time.Time, region string) [][]string {
	first := map[int64]time.Time{}
	for _, o := range validOrders(g) {
		if f, ok := first[o.CustomerID]; !ok || o.OrderDate.Before(f) {
			first[o.CustomerID] = o.OrderDate
		}
	}
	active := map[time.Time]map[int64]bool{}
	for _, o := range validOrders(g) {
		if o.OrderDate.Before(from) || o.OrderDate.After(to) || (region != "" && g.Reps()[o.RepID-1].Region != region) {
			continue
		}
		m := monthOf(o.OrderDate)
		if active[m] == nil {
			active[m] = map[int64]bool{}
		}
		active[m][o.CustomerID] = true
	}
	var months []time.Time
	for m := range active {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Before(months[j]) })
	var out [][]string
	for _, m := range months {
		n := 0
		for c := range active[m] {
			if monthOf(first[c]).Equal(m) {
				n++
			}
		}
		a := len(active[m])
		out = append(out, []string{m.Format(time.DateOnly), strconv.Itoa(a), strconv.Itoa(n), strconv.Itoa(a - n)})
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func runRows(t *testing.T, c *query.Compiler, db query.Querier, req query.Request) [][]string {
	t.Helper()
	q, err := c.Compile(req)
	require.NoError(t, err)
	return rowsOf(t, q, db)
}

// Quota attainment by rep and month, by rep over a year and over part of a
// quarter, and new against returning customers per month, equal the Go oracle
// to the cent and to the fourth place — with rollups on and off.
func TestMultiTableRequestsEqualTheOracle(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	g := generator(t, o)
	now := func() time.Time { return querytest.Now() }
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	y25, y25end := d("2025-01-01"), d("2025-12-31")
	byName := map[string]query.Request{}
	for _, tc := range querytest.MultiTable() {
		byName[tc.Name] = tc.Req
	}
	for _, noRollups := range []bool{false, true} {
		c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: now, NoRollups: noRollups})
		require.NoError(t, err)
		for name, want := range map[string][][]string{
			"multi_quota_by_rep_month_2025": oracleQuota(g, y25, y25end, true, false),
			"multi_quota_by_rep_2025":       oracleQuota(g, y25, y25end, false, true),
			"multi_new_vs_returning_2025":   oracleNewVsReturning(g, y25, y25end, ""),
			"multi_new_vs_returning_east":   oracleNewVsReturning(g, d("2024-01-01"), d("2024-06-30"), "East"),
		} {
			require.NotEmpty(t, want, name)
			require.Equal(t, want, runRows(t, c, eng.DB(), byName[name]), "%s (rollups off: %v)", name, noRollups)
		}
		// Part of a quarter: January from the 15th, February whole, March to the 10th.
		var want [][]string
		for _, r := range oracleQuota(g, d("2025-01-15"), d("2025-03-10"), false, false, 3, 7) {
			want = append(want, []string{r[0], r[3], r[2]}) // rep, attainment, quota
		}
		sort.Slice(want, func(i, j int) bool { return want[i][0] < want[j][0] })
		require.Equal(t, want, runRows(t, c, eng.DB(), byName["multi_quota_partial_months"]))
		// By the reps' region over 2025, and by their name over part of a
		// quarter for three reps (revenue, quota, attainment as requested).
		region := func(r datagen.Rep) string { return r.Region }
		require.Equal(t, oracleQuotaBy(g, y25, y25end, region), runRows(t, c, eng.DB(), byName["multi_quota_by_region_2025"]))
		want = nil
		for _, r := range oracleQuotaBy(g, d("2025-01-15"), d("2025-03-10"), func(r datagen.Rep) string { return r.Name }, 3, 7, 11) {
			want = append(want, []string{r[0], r[3], r[2], r[1]})
		}
		require.Len(t, want, 3)
		require.Equal(t, want, runRows(t, c, eng.DB(), byName["multi_quota_by_rep_name_partial"]))
	}
}

// A request that cannot be computed exactly is refused, naming why.
func TestMultiTableRefusesWhatIsNotExact(t *testing.T) {
	t.Parallel()
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }})
	require.NoError(t, err)
	year := &query.DateFilter{Range: query.Year(2025)}
	for _, tc := range []struct {
		req  query.Request
		want string
	}{
		{query.Request{Metrics: []string{"quota"}, Dimensions: []string{"rep_id"}},
			"sales_reps.quota cannot be computed exactly: it is a rate per month: the request needs a date range"},
		{query.Request{Metrics: []string{"revenue", "quota"}, Dimensions: []string{"channel"}, Dates: year},
			"sales_reps.quota cannot be computed exactly: it cannot be grouped by orders.channel: table sales_reps has no column that corresponds to it"},
		{query.Request{Metrics: []string{"revenue", "quota"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Week}, Dates: year},
			"a week's share of it is not defined"},
		{query.Request{Metrics: []string{"revenue", "quota"}, Dimensions: []string{"rep_id"}, Where: query.Eq("channel", "Online"), Dates: year},
			"the filter cannot restrict it: orders.channel has no corresponding column in table sales_reps"},
		{query.Request{Metrics: []string{"revenue", "acquired_customers"}, Dimensions: []string{"segment"}},
			"customers.acquired_customers cannot be computed exactly: its table customers cannot be grouped and filtered as the request asks"},
	} {
		q, err := c.Compile(tc.req)
		require.Nil(t, q)
		require.ErrorIs(t, err, query.ErrNotExact, tc.want)
		require.ErrorIs(t, err, query.ErrInvalidRequest)
		var ee *query.ExactnessError
		require.ErrorAs(t, err, &ee)
		require.ErrorContains(t, err, tc.want)
	}
}
