package querytest

import (
	"time"

	"github.com/salesanalytics/salesanalytics/query"
)

// Layers returns a case for every analysis layer of package query —
// comparisons, shares, ranks with top-N and Other, windows over the time grain
// and averages per period — in a fixed order.
func Layers() []Case {
	y2025 := &query.DateFilter{Range: query.Year(2025)}
	q1 := &query.DateFilter{Range: query.Quarter(2025, 1)}
	data := query.Dates(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)) // the days the test data holds
	return []Case{
		{"compare_previous_year_by_region", query.Request{Metrics: []string{"revenue", "orders", "aov"}, Dimensions: []string{"region"}, Dates: y2025,
			Compare: &query.Compare{To: query.ComparePrevious}}},
		{"compare_year_ago_shrank", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"category"}, Dates: q1,
			Compare: &query.Compare{To: query.CompareYearAgo, Having: query.Lt("revenue_delta", 0)}}},
		{"compare_explicit_range", query.Request{Metrics: []string{"revenue", "distinct_customers"}, Dates: q1,
			Compare: &query.Compare{To: query.CompareRange, Range: query.Quarter(2024, 4), Metrics: []string{"revenue"}}}},
		{"compare_with_known_data_days", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"region"}, Dates: q1,
			Compare: &query.Compare{To: query.ComparePrevious, Data: &data}}},
		{"compare_with_known_data_days_no_base", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"segment"}, Dates: &query.DateFilter{Range: query.Year(2024)},
			Compare: &query.Compare{To: query.ComparePrevious, Data: &data}}},
		{"compare_range_groups_with_orders", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"category"}, Dates: q1,
			Compare: &query.Compare{To: query.CompareYearAgo, Data: &data, Metrics: []string{"revenue"}, Having: query.Gt("orders", 0)}}},
		{"compare_year_ago_by_month", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth}, Dates: y2025, Compare: &query.Compare{To: query.CompareYearAgo}}},
		{"share_of_region", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region", "category"}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue"}, {Metric: "revenue", Within: []string{"region"}, As: "share_of_region"}}}},
		{"rank_best_seller_per_category", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"category", "product_name"}, Dates: y2025,
			Rank: &query.Rank{Within: []string{"category"}, Top: 1}}},
		{"rank_top_3_with_ties", query.Request{Metrics: []string{"orders"}, Dimensions: []string{"product_name"}, Dates: &query.DateFilter{Range: query.Month(2025, time.December)},
			Rank: &query.Rank{Top: 3, Ties: true}}},
		{"rank_top_5_and_other", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"product_name"}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue"}}, Rank: &query.Rank{Top: 5, Other: true}}},
		{"rank_top_2_regions_other_of_at_least_4", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue"}}, Rank: &query.Rank{Top: 2, Other: true, MinOther: 4}}},
		{"rank_top_3_per_category_other_of_at_least_4", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"category", "product_name"}, Dates: y2025,
			Rank: &query.Rank{Within: []string{"category"}, Top: 3, Other: true, MinOther: 4}}},
		{"window_running_moving_ytd", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth}, Dates: &query.DateFilter{Range: query.Dates(d("2023-11-01"), d("2024-03-31"))},
			Windows: []query.Window{{Metric: "revenue", Kind: query.Running}, {Metric: "revenue", Kind: query.MovingAvg, Periods: 3},
				{Metric: "revenue", Kind: query.MovingSum, Periods: 3}, {Metric: "revenue", Kind: query.ToDate, ToDate: query.ByYear}}}},
		{"per_month_average", query.Request{Metrics: []string{"revenue", "orders", "distinct_customers"}, Dimensions: []string{"region"},
			Dates: y2025, PerPeriod: &query.PerPeriod{Grain: query.ByMonth}}},
		{"per_week_orders_in_a_quarter", query.Request{Metrics: []string{"orders"}, Dates: &query.DateFilter{Range: query.Quarter(2025, 4)},
			PerPeriod: &query.PerPeriod{Grain: query.ByWeek}}},
	}
}
