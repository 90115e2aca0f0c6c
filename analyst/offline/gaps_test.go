package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// TestCountOfGroups: "how many reps do we have", "how many states did we sell
// to" count the groups with orders (they were declined as unknown words).
func TestCountOfGroups(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]struct {
		dim, as, reading string
		dates            *query.DateFilter
	}{
		"how many reps do we have":               {"rep_name", "reps_with_orders", "number of reps with orders", nil},
		"how many states did we sell to in 2025": {"state", "states_with_orders", "number of states with orders in 2025", dates("2025-01-01", "2025-12-31")},
		"how many regions are there":             {"region", "regions_with_orders", "number of regions with orders", nil},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{want.dim}, res.Request.Dimensions, q)
		require.Equal(t, want.as, res.CountAs, q)
		require.Equal(t, want.dates, res.Request.Dates, q)
		require.Empty(t, res.Request.OrderBy, q)
		require.Contains(t, res.Reading, want.reading, q)
	}
}

// TestRankedByACount: "which rep had the most customers" ranks the reps by
// how many customers, never by revenue with customers as a second group.
func TestRankedByACount(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]struct {
		dim, metric string
		desc        bool
	}{
		"which rep had the most customers in 2025": {"rep_name", "distinct_customers", true},
		"the region with the fewest customers":     {"region", "distinct_customers", false},
		"which region sold the most products":      {"region", "units_sold", true},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{want.dim}, res.Request.Dimensions, q)
		require.Equal(t, []query.Order{{Field: want.metric, Desc: want.desc}}, res.Request.OrderBy, q)
		require.Equal(t, 1, res.Request.Limit, q)
	}
}

// TestPluralSuperlativeIsAList: "who were our best customers" names no
// number but a plural: the top 10, as the reading says, not the top one.
func TestPluralSuperlativeIsAList(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"who were our best customers", "which customers bought the most in 2025", "our worst reps"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, 10, res.Request.Limit, q)
		require.Contains(t, res.Reading, " 10 ", q)
	}
	res := r.Resolve(nil, "who was our best customer")
	require.Equal(t, 1, res.Request.Limit)
}

// TestFebruary29WithoutAYear: the latest February 29 (2024), said so; never
// February 28 of a year that has none.
func TestFebruary29WithoutAYear(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"revenue on February 29", "orders on the 29th of February"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, dates("2024-02-29", "2024-02-29"), res.Request.Dates, q)
		require.Contains(t, res.Reading, "February 29, 2024 (the latest February 29)", q)
	}
}

// TestPartsOfAPeriod: "early", "mid", "late" are a third of the period
// after them, with the dates in the reading; "the end of 2025" alone does
// not say how much of it and is asked back, while the ends of a range
// read.
func TestPartsOfAPeriod(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]*query.DateFilter{
		"revenue in early 2025":                             dates("2025-01-01", "2025-04-30"),
		"orders in mid-2025":                                dates("2025-05-01", "2025-08-31"),
		"revenue in late Q3 2025":                           dates("2025-09-01", "2025-09-30"),
		"revenue in mid-March 2025":                         dates("2025-03-11", "2025-03-20"),
		"revenue in late February 2024":                     dates("2024-02-21", "2024-02-29"),
		"revenue from the start of 2024 to the end of 2025": dates("2024-01-01", "2025-12-31"),
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, want, res.Request.Dates, q)
		require.Contains(t, res.Reading, want.Range.From.Format("2006-01-02"), q)
	}
	for _, q := range []string{"revenue at the end of 2025", "orders at the start of Q3 2025", "early revenue"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
	}
	require.Contains(t, r.Resolve(nil, "revenue at the end of 2025").Reason, `"the end of" 2025`)
}

// TestChangeRankWithoutAPeriod: "which category grew the most" with no
// period is the last whole year against the one before, as the reading
// says; it was read as the top category-month.
func TestChangeRankWithoutAPeriod(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"which category grew the most", "which region shrank the most", "which rep grew fastest"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Nil(t, res.Request.Time, q)
		require.Contains(t, res.Reading, "2025 (the last whole year) against 2024", q)
	}
}

// TestMeasureWordsOfASalesManager: revenue, gross revenue and units in the
// words people use ("pulled in", "proceeds", "GMV", "items we shipped",
// "$5k+ orders"); each was declined or read as another measure.
func TestMeasureWordsOfASalesManager(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]string{
		"how much did we pull in during 2025":      "total_revenue",
		"proceeds in 2025":                         "total_revenue",
		"receipts in 2025":                         "total_revenue",
		"bookings in 2025":                         "total_revenue",
		"the value of goods sold in 2025":          "total_revenue",
		"what did we make in Q3 2025":              "total_revenue",
		"GMV in 2025":                              "gross_revenue",
		"gross merchandise value last year":        "gross_revenue",
		"how many items did we ship in 2025":       "units_sold",
		"how many units went out the door in 2025": "units_sold",
		"revenue from $5k+ orders":                 "total_revenue",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{want}, res.Request.Metrics, q)
	}
	res := r.Resolve(nil, "how many $1k+ orders in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"order_count"}, res.Request.Metrics)
	require.Contains(t, res.Reading, "orders of at least $1,000")
}

// TestReturningCustomersSayHowTheyAreCounted: over more than one month the
// returning customers follow one rule, asked alone or beside the new ones —
// the customers of the period who had first ordered before it, so new +
// returning = the period's customers — and the reading says so; by month it
// does not need to (the model's metric agrees).
func TestReturningCustomersSayHowTheyAreCounted(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "how many new and returning customers in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "so new + returning = the period's customers")
	require.Equal(t, []string{"new_customers", "distinct_customers"}, res.Request.Metrics)
	require.Equal(t, &Difference{Of: "distinct_customers", Less: "new_customers", As: "returning_customers"}, res.Subtract)
	// asked alone over a quarter or a year: the customers of the period who
	// had first ordered before it, so new + returning = all customers
	res = r.Resolve(nil, "returning customers in Q4 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"distinct_customers"}, res.Request.Metrics)
	require.Equal(t, query.Lt("first_order_date", "2025-10-01"), res.Request.Where)
	require.Contains(t, res.Reading, "had first ordered before 2025-10-01")
	// a follow-up reads it again for its own period
	res = r.Resolve(res.State(), "and in 2024?")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, query.Lt("first_order_date", "2024-01-01"), res.Request.Where)
	for _, q := range []string{"returning customers in December 2025", "new vs returning customers by month in 2025", "new customers in 2025"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.NotContains(t, res.Reading, "returning:", q)
	}
}

// TestQuotaDistanceIsAttainment: "who was furthest below quota" ranks the
// reps by attainment (with the revenue and quota it divides), never by the
// size of their quota, as it did.
func TestQuotaDistanceIsAttainment(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, desc := range map[string]bool{
		"who was furthest below quota in 2025":            false,
		"which rep was furthest over their quota in 2025": true,
		"who was furthest above quota in 2025":            true,
		"which rep was furthest from their quota in 2025": false,
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []query.Order{{Field: "quota_attainment", Desc: desc}}, res.Request.OrderBy, q)
		require.Contains(t, res.Reading, "by quota attainment", q)
	}
	res := r.Resolve(nil, "which rep has the biggest quota")
	require.Equal(t, []query.Order{{Field: "quota", Desc: true}}, res.Request.OrderBy)
}

// TestCountsOfDifferentThings: "different", "distinct" before a dimension
// with no count of its own count its groups; customers who "placed orders"
// or were "acquired" are counted as customers (new ones when acquired).
func TestCountsOfDifferentThings(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "how many different states do our customers come from")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, "states_with_orders", res.CountAs)
	for q, want := range map[string]string{
		"how many individual customers placed orders last year": "distinct_customers",
		"how many customers did we acquire in 2024":             "new_customers",
		"how many accounts did we open in 2025":                 "new_customers",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{want}, res.Request.Metrics, q)
	}
	res = r.Resolve(nil, "revenue from everywhere but the West")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, query.Cmp{Field: "region", Op: query.OpNe, Values: []any{"West"}}, res.Request.Where)
}

// TestSuperlativesInEverydayWords: compound number words, "who led each
// region", spenders, "-earning", "lucrative", "discounted most" (each was
// declined, or read as another ranking: "top twenty-five" as a top 20).
func TestSuperlativesInEverydayWords(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]struct {
		dims  []string
		order query.Order
		limit int
	}{
		"top twenty-five products":            {[]string{"product_name"}, query.Desc("total_revenue"), 25},
		"the top thirty two customers":        {[]string{"customer_name"}, query.Desc("total_revenue"), 32},
		"who was our biggest spender in 2025": {[]string{"customer_name"}, query.Desc("total_revenue"), 1},
		"lowest-earning region in 2025":       {[]string{"region"}, query.Asc("total_revenue"), 1},
		"the most lucrative category":         {[]string{"category"}, query.Desc("total_revenue"), 1},
		"which product was discounted most":   {[]string{"product_name"}, query.Desc("total_discount"), 1},
		"the lowest-volume category by units": {[]string{"category"}, query.Asc("units_sold"), 1},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, want.dims, res.Request.Dimensions, q)
		require.Equal(t, []query.Order{want.order}, res.Request.OrderBy, q)
		require.Equal(t, want.limit, res.Request.Limit, q)
	}
	res := r.Resolve(nil, "who led each region in sales in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "top 1 rep by total revenue in each region")
}

// TestCustomersKeptByWhatTheySpent: "how many customers spent over $100k"
// keeps the customers by their total revenue (counted when asked how
// many), never by one order's amount, which answered "no orders match".
func TestCustomersKeptByWhatTheySpent(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "how many customers have spent over $100,000")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"customer_name"}, res.Request.Dimensions)
	require.Equal(t, []string{"total_revenue"}, res.Request.Metrics)
	require.Nil(t, res.Request.Where)
	require.Equal(t, &query.Cmp{Field: "total_revenue", Op: query.OpGt, Values: []any{"100000"}}, res.Keep)
	require.Equal(t, "customers_kept", res.CountAs)
	require.Contains(t, res.Reading, "number of customers whose total revenue was over $100,000")

	res = r.Resolve(nil, "which customers spent at least $50,000 in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Empty(t, res.CountAs)
	require.Equal(t, &query.Cmp{Field: "total_revenue", Op: query.OpGe, Values: []any{"50000"}}, res.Keep)
	require.Contains(t, res.Reading, "the customers whose total revenue was at least $50,000 in 2025")

	res = r.Resolve(nil, "how many orders over $5,000")
	require.Nil(t, res.Keep)
	require.Equal(t, query.Gt("net_amount", "5000"), res.Request.Where)
}

// TestRankAmongTheValuesLeft: "which non-online channel had the most
// revenue" ranks the channels left (it was declined: the dimension word was
// read as the value's qualifier).
func TestRankAmongTheValuesLeft(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, dim := range map[string]string{
		"which non-online channel had the most revenue":               "channel",
		"other than toys, what category sold the most":                "category",
		"among the non-enterprise segments which had the most orders": "segment",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{dim}, res.Request.Dimensions, q)
		require.Equal(t, 1, res.Request.Limit, q)
		require.Contains(t, res.Reading, "excluding "+dim, q)
	}
}

// TestEachIsNeverDropped: "each" after a measure groups by what follows it
// ("revenue each month"); with nothing after it the question is declined
// naming it, never answered as the total.
func TestEachIsNeverDropped(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, dims := range map[string][]string{
		"how much did each rep sell in 2025":   {"rep_name"},
		"the sales each rep made in 2025":      {"rep_name"},
		"what each customer spent in 2025":     {"customer_name"},
		"discounts each category gave in 2025": {"category"},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, dims, res.Request.Dimensions, q)
	}
	res := r.Resolve(nil, "revenue each month in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, &query.TimeGrain{Dimension: "order_date", Grain: "month"}, res.Request.Time)
	for _, q := range []string{"revenue each", "orders each in 2025"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
		require.Contains(t, res.Reason, `"each"`, q)
	}
}

// TestShareSaidAsHowMuchOf: "how much of our revenue is from Texas" is
// Texas's share, not Texas's revenue; an average per month with no period
// asks for one instead of failing to compile.
func TestShareSaidAsHowMuchOf(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "how much of our revenue is from Texas")
	require.False(t, res.Declined, res.Reason)
	require.NotNil(t, res.Part)
	require.Contains(t, res.Reading, "as a share of all total revenue")
	res = r.Resolve(nil, "what's our average revenue per month")
	require.True(t, res.Declined, res.Reading)
	require.Contains(t, res.Reason, "over which period")
}

// TestCountsAreNotAmounts: "10,000 orders" is a count of orders, not an
// order's amount (the comma made it money: "which categories had more than
// 10,000 orders" was read as orders over $10,000); "$10,000 orders" is.
func TestCountsAreNotAmounts(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"which product categories had more than 10,000 orders", "which reps had over 2,000 orders"} {
		res := r.Resolve(nil, q)
		require.NotContains(t, res.Reading+res.Reason, "orders over $", q)
	}
	res := r.Resolve(nil, "how many orders over $10,000")
	require.Equal(t, query.Gt("net_amount", "10000"), res.Request.Where)
}

// TestEval4WorkingClasses: classes eval4's working part showed (never its
// texts): the largest single order, a return rate per group, a quota said
// as an annual target after "exceeded", years written '24.
func TestEval4WorkingClasses(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"what was the largest single order in Q4 2025", "the most expensive order of December 2025"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{"order_id"}, res.Request.Dimensions, q)
		require.Equal(t, 1, res.Request.Limit, q)
	}
	for _, q := range []string{"what share of orders were returned by region in 2025", "return rate by channel in 2025"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.NotNil(t, res.Part, q)
		require.Len(t, res.Request.Dimensions, 1, q)
		require.Contains(t, res.Reading, "for status Returned as a share of all order count by", q)
	}
	res := r.Resolve(nil, "how many reps exceeded their annual target in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, "reps_at_quota", res.CountAs)
	res = r.Resolve(nil, "revenue in Q4 '25")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, dates("2025-10-01", "2025-12-31"), res.Request.Dates)
}

// TestGrossAndNetTogether: "gross vs net revenue" asks for both figures (it
// gave the gross one alone).
func TestGrossAndNetTogether(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"gross vs net revenue for 2025", "what did we sell in 2025 before and after discounts", "show both gross and net takings for 2025"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{"gross_revenue", "total_revenue"}, res.Request.Metrics, q)
	}
	require.Equal(t, []string{"gross_revenue"}, r.Resolve(nil, "gross revenue in 2025").Request.Metrics)
}

// TestEval4WorkingClassesTwo: more classes of eval4's working part (never
// its texts): two values "each" or "separately" one row each; "each" after
// an amount is each order's; "at or over", "dollars plus", "tiny"; web
// orders; "order the most" ranks by orders; an order average per period;
// customers "not new" are returning; "different items" are products;
// "change in … 2024 to 2025" is no request to change data; what reps are
// paid is declined as outside the model.
func TestEval4WorkingClassesTwo(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "orders from CA and TX in 2024, separately")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"state"}, res.Request.Dimensions)
	res = r.Resolve(nil, "revenue from orders under $25 each")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, query.Lt("net_amount", "25"), res.Request.Where)
	for q, where := range map[string]query.Filter{
		"2025 orders at or over $20,000":          query.Ge("net_amount", "20000"),
		"big-ticket orders (20,000 dollars plus)": query.Ge("net_amount", "20000"),
		"revenue from tiny orders under $25":      query.Lt("net_amount", "25"),
		"how many web orders in 2025":             query.Eq("channel", "Online"),
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, where, res.Request.Where, q)
	}
	res = r.Resolve(nil, "which two states order the most")
	require.Equal(t, []query.Order{query.Desc("order_count")}, res.Request.OrderBy)
	res = r.Resolve(nil, "monthly order average for every region in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "Average order count per month")
	res = r.Resolve(nil, "number of 2025 customers who were not new")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "had first ordered before 2025-01-01")
	res = r.Resolve(nil, "number of different items sold in 2024")
	require.Equal(t, []string{"distinct_products"}, res.Request.Metrics)
	res = r.Resolve(nil, "change in the West's revenue, 2024 to 2025")
	require.False(t, res.Declined, res.Reason)
	require.True(t, r.Resolve(nil, "change the West's revenue to 5").Declined)
	res = r.Resolve(nil, "what are our sales reps paid")
	require.True(t, res.Declined, res.Reading)
	require.Equal(t, DeclineNotInModel, res.Kind)
}

// TestValuesJoinedByAnd: two values joined by "and" are one row each (never
// a sum), unless "combined"; joined by "or" they are one filter.
func TestValuesJoinedByAnd(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "orders from CA and TX in 2024")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"state"}, res.Request.Dimensions)
	res = r.Resolve(nil, "revenue for North and South combined")
	require.Empty(t, res.Request.Dimensions)
	res = r.Resolve(nil, "revenue for 2024 excluding any discounted orders")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"total_revenue"}, res.Request.Metrics)
	require.Equal(t, query.Eq("is_discounted", false), res.Request.Where)
}

// TestMonthRangeAcrossTheYear: "Dec 2024 - Feb 2025" is one range across
// the turn of the year (it was two periods that did not go together).
func TestMonthRangeAcrossTheYear(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "sales dec 2024 - feb 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, dates("2024-12-01", "2025-02-28"), res.Request.Dates)
	require.Contains(t, res.Reading, "from 2024-12-01 to 2025-02-28")
}
