package querytest

import (
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// Now is the clock every case compiles against: the demo data is read as of
// 2026-01-01, so "last month" is December 2025.
func Now() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// Case is one named request.
type Case struct {
	Name string
	Req  query.Request
}

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

var kpis = []string{"total_revenue", "order_count", "average_order_value", "distinct_customers", "units_sold"}

// All returns every case, in a fixed order.
func All() []Case {
	h1 := query.Dates(d("2025-01-01"), d("2025-06-30"))
	return []Case{
		{"executive_kpis", query.Request{Metrics: kpis}},
		{"executive_kpis_h1_2025", query.Request{Metrics: kpis, Dates: &query.DateFilter{Range: h1}}},
		{"executive_kpis_previous_period", query.Request{Metrics: kpis, Dates: &query.DateFilter{Range: h1.PreviousPeriod()}}},
		{"executive_monthly_trend", query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}}},
		{"executive_revenue_by_region", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"}, OrderBy: []query.Order{query.Desc("revenue")}}},
		{"regional_region_month", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"region"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}}},
		{"product_category_performance", query.Request{Metrics: []string{"revenue", "units_sold", "order_count", "distinct_products"}, Dimensions: []string{"category"}, OrderBy: []query.Order{query.Desc("total_revenue")}}},
		{"product_top_10", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"product_name", "category"}, OrderBy: []query.Order{query.Desc("revenue")}, Limit: 10}},
		{"product_monthly_trend", query.Request{Metrics: []string{"revenue", "units_sold"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Where: query.Eq("product_name", "Product_0239")}},
		{"rep_leaderboard", query.Request{Metrics: []string{"revenue", "orders", "customers", "aov"}, Dimensions: []string{"rep_name", "rep_id", "region"}, OrderBy: []query.Order{query.Desc("revenue")}}},
		{"rep_monthly_performance", query.Request{Metrics: []string{"revenue", "orders"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Where: query.Eq("rep_id", 7)}},
		{"customer_segments", query.Request{Metrics: []string{"revenue", "distinct_customers", "revenue_per_customer"}, Dimensions: []string{"segment"}}},
		{"customer_industries", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"industry"}, OrderBy: []query.Order{query.Desc("revenue")}}},
		{"customer_top_10", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"customer_id", "customer_name"}, OrderBy: []query.Order{query.Desc("revenue")}, Limit: 10}},
		{"reference_last_month", query.Request{Metrics: []string{"total_revenue", "order_count"}, Dates: &query.DateFilter{Range: query.Last(query.LastMonth)}}},
		{"year_to_date_is_empty", query.Request{Metrics: []string{"total_revenue", "order_count"}, Dimensions: []string{"region"}, Dates: &query.DateFilter{Range: query.Last(query.YearToDate)}}},
		{"last_30_days_by_channel", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"channel"}, Dates: &query.DateFilter{Range: query.LastNDays(30)}}},
		{"weekly_q4_2025", query.Request{Metrics: []string{"revenue", "orders"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Week}, Dates: &query.DateFilter{Range: query.Dates(d("2025-10-01"), d("2025-12-31"))}}},
		{"quarterly_by_channel", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"channel"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Quarter}}},
		{"yearly_on_year_number", query.Request{Metrics: []string{"revenue", "gross_revenue"}, Time: &query.TimeGrain{Dimension: "order_year", Grain: dialect.Year}}},
		{"in_and_not_in", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region", "channel"}, Where: query.And(query.NotIn("region", "North"), query.In("channel", "Online", "Phone"))}},
		{"between_and_like", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"category"}, Where: query.And(query.Between("quantity", 2, 4), query.Like("product_name", "Product_00%"))}},
		{"or_and_not", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"segment"}, Where: query.Or(query.Eq("segment", "Enterprise"), query.And(query.Eq("region", "West"), query.Not(query.Eq("channel", "Online"))))}},
		{"having_on_metric", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"category"}, Having: query.Gt("revenue", "7000000.00"), OrderBy: []query.Order{query.Asc("category")}}},
		{"named_filters", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"region"}, Filters: []string{"completed_orders", "online_orders"}}},
		{"discount_metrics", query.Request{Metrics: []string{"average_discount", "total_discount", "discounted_orders", "gross_revenue"}, Dimensions: []string{"segment"}}},
		{"boolean_dimension", query.Request{Metrics: []string{"orders", "average_unit_price"}, Dimensions: []string{"is_discounted"}, Where: query.Eq("is_discounted", true)}},
		{"paging_offset", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"product_name"}, OrderBy: []query.Order{query.Desc("revenue")}, Limit: 5, Offset: 5}},
		{"decimal_filter_value", query.Request{Metrics: []string{"orders"}, Dimensions: []string{"state"}, Where: query.Ge("net_amount", "2500.50"), OrderBy: []query.Order{query.Desc("orders")}, Limit: 5}},
	}
}
