package query_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func TestComparisonPeriods(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	now := d("2026-01-01")
	for _, tc := range []struct {
		name     string
		c        query.Compare
		from, to string
		want     [2]string
	}{
		{"a calendar year: the previous one", query.Compare{To: query.ComparePrevious}, "2025-01-01", "2025-12-31", [2]string{"2024-01-01", "2024-12-31"}},
		{"a leap February", query.Compare{To: query.ComparePrevious}, "2024-03-01", "2024-03-31", [2]string{"2024-02-01", "2024-02-29"}},
		{"a quarter: the previous one", query.Compare{To: query.ComparePrevious}, "2025-04-01", "2025-06-30", [2]string{"2025-01-01", "2025-03-31"}},
		{"a month: the previous one", query.Compare{To: query.ComparePrevious}, "2025-03-01", "2025-03-31", [2]string{"2025-02-01", "2025-02-28"}},
		{"whole months: as many months before", query.Compare{To: query.ComparePrevious}, "2025-02-01", "2025-04-30", [2]string{"2024-11-01", "2025-01-31"}},
		{"not whole months: 88 days before", query.Compare{To: query.ComparePrevious}, "2025-02-01", "2025-04-29", [2]string{"2024-11-05", "2025-01-31"}},
		{"days: equal length before", query.Compare{To: query.ComparePrevious}, "2025-06-09", "2025-06-15", [2]string{"2025-06-02", "2025-06-08"}},
		{"a year ago, 29 February", query.Compare{To: query.CompareYearAgo}, "2024-02-01", "2024-02-29", [2]string{"2023-02-01", "2023-02-28"}},
		{"an explicit range", query.Compare{To: query.CompareRange, Range: query.Quarter(2024, 4)}, "2025-01-01", "2025-03-31", [2]string{"2024-10-01", "2024-12-31"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to, err := tc.c.ComparisonPeriod(d(tc.from), d(tc.to), now)
			require.NoError(t, err)
			require.Equal(t, tc.want, [2]string{from.Format(time.DateOnly), to.Format(time.DateOnly)})
		})
	}
}

// A layer that cannot be computed exactly is refused with an InexactError
// naming the layer, the metric and why; a combination that does not go
// together is refused naming it.
func TestLayersRefuseWhatIsNotExact(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.DuckDB)
	y := &query.DateFilter{Range: query.Year(2025)}
	month := &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth}
	for _, tc := range []struct {
		name    string
		req     query.Request
		inexact bool
		msg     string
	}{
		{"share of an average", query.Request{Metrics: []string{"aov"}, Dimensions: []string{"region"}, Shares: []query.Share{{Metric: "aov"}}},
			true, "share of aov cannot be computed exactly: its groups do not sum to the whole"},
		{"share of distinct customers", query.Request{Metrics: []string{"customers"}, Dimensions: []string{"region"}, Shares: []query.Share{{Metric: "customers"}}},
			true, "share of customers cannot be computed exactly"},
		{"Other of an average", query.Request{Metrics: []string{"revenue", "aov"}, Dimensions: []string{"product_name"}, Rank: &query.Rank{Top: 5, Other: true}},
			true, "other of aov cannot be computed exactly: its parts do not sum to the whole"},
		{"running distinct customers", query.Request{Metrics: []string{"distinct_customers"}, Time: month, Dates: y, Windows: []query.Window{{Metric: "distinct_customers", Kind: query.Running}}},
			true, "window of distinct_customers cannot be computed exactly"},
		{"average AOV per month", query.Request{Metrics: []string{"aov"}, Dates: y, PerPeriod: &query.PerPeriod{Grain: query.ByMonth}},
			true, "per period of aov cannot be computed exactly: a period without rows has no value of it, not zero"},
		{"compare without dates", query.Request{Metrics: []string{"revenue"}, Compare: &query.Compare{To: query.ComparePrevious}},
			false, "compare: the request needs a date range"},
		{"compare by month, not whole months", query.Request{Metrics: []string{"revenue"}, Time: month, Dates: &query.DateFilter{Range: query.Dates(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC))},
			Compare: &query.Compare{To: query.ComparePrevious}}, false, "compare by month: the comparison period 2024-12-12 to 2024-12-31 does not map onto the range"},
		{"compare by week, a year ago", query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByWeek}, Dates: y,
			Compare: &query.Compare{To: query.CompareYearAgo}}, false, "compare by week"},
		{"unknown comparison", query.Request{Metrics: []string{"revenue"}, Dates: y, Compare: &query.Compare{To: "last_century"}},
			false, `unknown comparison "last_century"`},
		{"compare having on a column not there", query.Request{Metrics: []string{"revenue"}, Dates: y, Compare: &query.Compare{To: query.CompareYearAgo, Having: query.Lt("orders_delta", 0)}},
			false, `"orders_delta" is not an output column`},
		{"compare having with a float", query.Request{Metrics: []string{"revenue"}, Dates: y, Compare: &query.Compare{To: query.CompareYearAgo, Having: query.Lt("revenue_delta", -1.5)}},
			false, "float64 -1.5 is not exact"},
		{"Other with a share of a finer partition", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region", "product_name"},
			Shares: []query.Share{{Metric: "revenue", Within: []string{"region"}}}, Rank: &query.Rank{Top: 3, Other: true}},
			false, `a share with it must be within the rank's partition, and "region" is not`},
		{"two shares of one name", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Shares: []query.Share{{Metric: "revenue"}, {Metric: "revenue"}}},
			false, `a column is already called "revenue_share"; name it with As`},
		{"a hidden name", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Shares: []query.Share{{Metric: "revenue", As: "__total_0"}}},
			false, "must not start with __"},
		{"Other without top", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Rank: &query.Rank{Other: true}},
			false, "an Other row needs Top"},
		{"min other without Other", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Rank: &query.Rank{Top: 3, MinOther: 4}},
			false, "min other needs Other"},
		{"negative min other", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Rank: &query.Rank{Top: 3, Other: true, MinOther: -1}},
			false, "min other cannot be negative"},
		{"rank within a metric", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Rank: &query.Rank{Within: []string{"revenue"}}},
			false, `within "revenue": not a dimension or time column`},
		{"windows without a grain", query.Request{Metrics: []string{"revenue"}, Dates: y, Windows: []query.Window{{Metric: "revenue", Kind: query.Running}}},
			false, "windows need a time grain"},
		{"year to date of weeks", query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByWeek}, Dates: y,
			Windows: []query.Window{{Metric: "revenue", Kind: query.ToDate, ToDate: query.ByYear}}}, false, "must be a week, month, quarter or year holding whole week periods"},
		{"moving window of no periods", query.Request{Metrics: []string{"revenue"}, Time: month, Dates: y, Windows: []query.Window{{Metric: "revenue", Kind: query.MovingAvg}}},
			false, "a moving window needs 1 to 5000 periods, not 0"},
		{"too many days", query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: query.Dates(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))},
			PerPeriod: &query.PerPeriod{Grain: query.ByDay}}, false, "more than 5000 day periods"},
		{"a range in the future", query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: query.Year(2027)}, PerPeriod: &query.PerPeriod{Grain: query.ByMonth}},
			false, "starts after today"},
		{"per period with a grain", query.Request{Metrics: []string{"revenue"}, Time: month, Dates: y, PerPeriod: &query.PerPeriod{Grain: query.ByMonth}},
			false, "cannot group by time too"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := c.Compile(tc.req)
			require.Nil(t, q)
			require.ErrorIs(t, err, query.ErrInvalidRequest)
			require.Equal(t, tc.inexact, errors.Is(err, query.ErrInexact), "%v", err)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

// Hostile values in a comparison's filter are bound, never pasted.
func TestCompareHavingBindsItsValues(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.Snowflake)
	shape := func(v string) (string, []any) {
		q, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Dates: &query.DateFilter{Range: query.Year(2025)},
			Compare: &query.Compare{To: query.CompareYearAgo, Having: query.Or(query.Eq("region", v), query.Lt("revenue_delta", "0"))}})
		require.NoError(t, err)
		return q.SQL, q.Args
	}
	plain, _ := shape("North")
	for _, v := range []string{"' OR '1'='1", `x" OR ""="`, "'; DROP TABLE x; --"} {
		sql, args := shape(v)
		require.Equal(t, plain, sql)
		require.Contains(t, args, v)
	}
}

// Windows run over the range's periods up to the clock's today: year to date
// on 18 March is January to March; an average per month over the year divides
// by those three months.
func TestPeriodsStopAtTheClock(t *testing.T) {
	t.Parallel()
	now := func() time.Time { return time.Date(2026, 3, 18, 15, 0, 0, 0, time.UTC) }
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: now})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
		Dates: &query.DateFilter{Range: query.Year(2026)}, Windows: []query.Window{{Metric: "revenue", Kind: query.ToDate, ToDate: query.ByYear}}})
	require.NoError(t, err)
	var months []string
	for _, a := range q.Args[2:] {
		months = append(months, a.(time.Time).Format(time.DateOnly))
	}
	require.Equal(t, []string{"2026-01-01", "2026-02-01", "2026-03-01"}, months)

	sf, err := c.For(dialect.Snowflake)
	require.NoError(t, err)
	q, err = sf.Compile(query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: query.Last(query.QuarterToDate)},
		PerPeriod: &query.PerPeriod{Grain: query.ByMonth}})
	require.NoError(t, err)
	require.Contains(t, q.SQL, "NULLIF(3, 0)", "three months of the quarter have begun")
}
