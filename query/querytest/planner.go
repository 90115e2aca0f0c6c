package querytest

import (
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// The three dashboard queries the aggregate-awareness benchmarks time, routed
// and on FCT_ORDERS, each a new value.

// RegionKPIs2025 is revenue, orders and AOV by region over 2025.
func RegionKPIs2025() query.Request {
	return query.Request{Metrics: []string{"revenue", "orders", "aov"}, Dimensions: []string{"region"},
		Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// RevenueByMonthRegion2025 is revenue by month and region over 2025.
func RevenueByMonthRegion2025() query.Request {
	return query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
		Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// MonthlyByChannel2025 is revenue and orders by month and channel over 2025:
// no mart has the channel, so FCT_ORDERS answers, reading its stored
// ORDER_MONTH.
func MonthlyByChannel2025() query.Request {
	return query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"channel"},
		Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// TopProducts2025 is the ten products with the most revenue in 2025.
func TopProducts2025() query.Request {
	return query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"product_id", "product_name"},
		Dates: &query.DateFilter{Range: query.Year(2025)}, OrderBy: []query.Order{query.Desc("revenue")}, Limit: 10}
}

// The requests of metrics over more than one table that the dashboard's
// numbers are checked against, each a new value.

// QuotaByRepMonth2025 is each rep's revenue, quota and attainment per month
// of 2025.
func QuotaByRepMonth2025() query.Request {
	return query.Request{Metrics: []string{"revenue", "quota", "quota_attainment"}, Dimensions: []string{"rep_id"},
		Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// QuotaByRep2025 is each rep's revenue, quota and attainment over 2025.
func QuotaByRep2025() query.Request {
	return query.Request{Metrics: []string{"revenue", "orders", "quota", "quota_attainment"}, Dimensions: []string{"rep_id"},
		Dates: &query.DateFilter{Range: query.Year(2025)}, OrderBy: []query.Order{query.Desc("revenue")}}
}

// QuotaByRegion2025 is each region's revenue, quota (its reps' quotas) and
// attainment over 2025.
func QuotaByRegion2025() query.Request {
	return query.Request{Metrics: []string{"revenue", "quota", "quota_attainment"}, Dimensions: []string{"region"},
		Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// NewVsReturning2025 is, per month of 2025, the customers who ordered, those
// ordering for the first time ever and the others.
func NewVsReturning2025() query.Request {
	return query.Request{Metrics: []string{"customers", "new_customers", "returning_customers"},
		Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}
}

// MultiTable returns the cases of metrics from more than one table.
func MultiTable() []Case {
	partial := query.Dates(d("2025-01-15"), d("2025-03-10"))
	return []Case{
		{"multi_quota_by_rep_month_2025", QuotaByRepMonth2025()},
		{"multi_quota_by_rep_2025", QuotaByRep2025()},
		{"multi_quota_partial_months", query.Request{Metrics: []string{"quota_attainment", "quota"}, Dimensions: []string{"rep_id"},
			Where: query.In("rep_id", 3, 7), Dates: &query.DateFilter{Range: partial}}},
		{"multi_quota_by_quarter_total", query.Request{Metrics: []string{"revenue", "quota"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Quarter}, Dates: &query.DateFilter{Range: query.Year(2025)}}},
		// an order's region and rep name are its rep's (warehouse.FctOrdersCopies):
		// the quota is grouped by the reps' own columns
		{"multi_quota_by_region_2025", QuotaByRegion2025()},
		{"multi_quota_by_rep_name_partial", query.Request{Metrics: []string{"quota_attainment", "quota", "revenue"}, Dimensions: []string{"rep_name"},
			Where: query.In("rep_id", 3, 7, 11), Dates: &query.DateFilter{Range: partial}}},
		{"multi_new_vs_returning_2025", NewVsReturning2025()},
		{"multi_new_vs_returning_east", query.Request{Metrics: []string{"customers", "new_customers", "returning_customers"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Where: query.Eq("region", "East"),
			Dates: &query.DateFilter{Range: query.Dates(d("2024-01-01"), d("2024-06-30"))}}},
		{"multi_acquired_by_month", query.Request{Metrics: []string{"acquired_customers", "lifetime_value"},
			Time:  &query.TimeGrain{Dimension: "first_order_date", Grain: dialect.Month},
			Dates: &query.DateFilter{Dimension: "first_order_date", Range: query.Year(2024)}}},
		{"multi_unit_cost_by_product", query.Request{Metrics: []string{"revenue", "average_unit_cost"}, Dimensions: []string{"product_id"},
			Where: query.In("product_id", 1, 2, 3)}},
	}
}

// Planner returns the cases of the planner's features: requests answered from a
// pre-aggregated mart or kept on FCT_ORDERS, each for a reason its golden SQL's
// Explain states; metrics of several tables; stored date parts.
func Planner() []Case {
	q4 := query.Dates(d("2025-10-01"), d("2025-12-31"))
	return []Case{
		{"route_region_kpis_2025", RegionKPIs2025()},
		{"route_revenue_by_month_region_2025", RevenueByMonthRegion2025()},
		{"route_top_products_2025", TopProducts2025()},
		{"route_partial_months_use_days", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"region"},
			Dates: &query.DateFilter{Range: query.Dates(d("2025-01-15"), d("2025-03-31"))}}},
		{"route_rep_month_customers", query.Request{Metrics: []string{"revenue", "customers"}, Dimensions: []string{"rep_id", "rep_name"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}},
		{"route_customers_do_not_add_up", query.Request{Metrics: []string{"revenue", "customers"}, Dimensions: []string{"region"},
			Dates: &query.DateFilter{Range: query.Dates(d("2025-01-01"), d("2025-06-30"))}}},
		{"route_named_filter_stays_on_facts", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
			Filters: []string{"completed_orders"}}},
		{"route_quarters_from_months", query.Request{Metrics: []string{"revenue", "units_sold"}, Dimensions: []string{"region"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Quarter}, Where: query.In("region", "East", "West")}},
		{"route_weeks_from_days", query.Request{Metrics: []string{"revenue", "orders"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Week}, Dates: &query.DateFilter{Range: q4}}},
		{"route_having_and_category", query.Request{Metrics: []string{"revenue", "distinct_products"}, Dimensions: []string{"category"},
			Having: query.Gt("revenue", "1000.00"), Dates: &query.DateFilter{Range: query.Quarter(2025, 2)}}},
		{"dateparts_month_by_channel", MonthlyByChannel2025()},
		{"route_order_month_from_days", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"order_month", "region"},
			Dates: &query.DateFilter{Range: query.Dates(d("2025-03-10"), d("2025-04-20"))}}},
		{"route_empty_period", query.Request{Metrics: []string{"revenue", "orders", "aov"}, Dates: &query.DateFilter{Range: query.Month(2027, 1)}}},
		// grouped by the mart's whole key: each group is one row, read as it is
		{"route_per_row_product_month", query.Request{Metrics: []string{"revenue", "orders", "distinct_products", "aov"},
			Dimensions: []string{"product_id", "product_name"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month},
			Where: query.In("product_id", 1, 2, 3), Dates: &query.DateFilter{Range: query.Quarter(2025, 1)}}},
		{"route_per_row_having_groups", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Having: query.Gt("revenue", "1000.00"),
			Dates: &query.DateFilter{Range: query.Quarter(2025, 1)}}},
		// distinct customers over whole years: customer × year
		{"route_customers_by_segment_year", query.Request{Metrics: []string{"revenue", "customers", "orders"}, Dimensions: []string{"segment"},
			Dates: &query.DateFilter{Range: query.Year(2025)}, Compare: &query.Compare{To: query.CompareYearAgo, Metrics: []string{"revenue", "customers"}}}},
		{"route_customers_over_two_years", query.Request{Metrics: []string{"customers", "units_sold"}, Where: query.In("industry", "Retail", "Healthcare"),
			Dates: &query.DateFilter{Range: query.Dates(d("2024-01-01"), d("2025-12-31"))}}},
		{"route_top_customers_year", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"customer_id"},
			Dates: &query.DateFilter{Range: query.Year(2024)}, Rank: &query.Rank{By: "revenue", Top: 5, Other: true}}},
		{"route_customers_part_of_year", query.Request{Metrics: []string{"customers"}, Dimensions: []string{"segment"},
			Dates: &query.DateFilter{Range: query.Dates(d("2025-01-01"), d("2025-06-30"))}}},
		{"route_customers_by_category_year", query.Request{Metrics: []string{"customers"}, Dimensions: []string{"category"},
			Dates: &query.DateFilter{Range: query.Year(2025)}}},
		// a month's distinct customers, stored per month
		{"route_customers_by_month", query.Request{Metrics: []string{"revenue", "customers"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}},
		{"route_customers_one_month", query.Request{Metrics: []string{"customers", "aov"}, Dates: &query.DateFilter{Range: query.Month(2025, 3)}}},
		{"route_customers_empty_month", query.Request{Metrics: []string{"customers", "orders"}, Dates: &query.DateFilter{Range: query.Month(2027, 1)}}},
		// each distinct count apart, from the smallest mart that holds it
		{"route_distinct_counts_apart", query.Request{Metrics: []string{"revenue", "customers", "distinct_products"},
			Dates: &query.DateFilter{Range: query.Year(2025)}}},
		// a whole year's distinct customers, stored per year, by region and by rep
		{"route_customers_by_region_year", query.Request{Metrics: []string{"revenue", "orders", "customers", "aov"}, Dimensions: []string{"region"},
			Dates: &query.DateFilter{Range: query.Year(2025)}, Compare: &query.Compare{To: query.CompareYearAgo}}},
		{"route_customers_by_rep_year", query.Request{Metrics: []string{"revenue", "orders", "customers"}, Dimensions: []string{"rep_id"},
			Dates: &query.DateFilter{Range: query.Year(2025)}}},
		{"route_customers_by_rep_name_year", query.Request{Metrics: []string{"revenue", "customers"}, Dimensions: []string{"rep_id", "rep_name"},
			Dates: &query.DateFilter{Range: query.Year(2025)}}},
		{"route_customers_two_years", query.Request{Metrics: []string{"customers"}, Dates: &query.DateFilter{Range: query.Dates(d("2024-01-01"), d("2025-12-31"))}}},
	}
}
