package offline

import (
	"testing"

	"github.com/salesanalytics/salesanalytics/query"

	"github.com/stretchr/testify/require"
)

// TestMoreEverydayWordings: wordings a sales manager uses, written apart from
// the evaluation sets for the classes where the blind sets found gaps —
// measure words, number words, counts per group, the catalogue, thresholds on
// a group's total — each family read to its first wording's request. Each
// later wording was declined or misread before.
func TestMoreEverydayWordings(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireFamilies(t, r, [][]string{
		// measure words
		{"revenue in 2025", "how much did we collect in 2025", "how much money did we take in during 2025", "what did we take in in 2025"},
		{"revenue per customer in 2025", "revenue per head in 2025", "average revenue per head in 2025"},
		// the catalogue, sold or not: never the products sold
		{"catalogue products", "how many products are in the catalogue", "how many products do we carry", "how many products in the catalog",
			"catalogue size", "how many products do we offer"},
		// counts of groups per a further group
		{"number of reps by region", "how many reps in each region", "number of sales reps per region", "count of reps by region",
			"how many salespeople does each territory have", "in each region, how many reps are there"},
		{"how many reps hit quota by region in 2025", "in each region, how many reps made their quota in 2025",
			"number of reps who hit their quota in 2025 by region"},
		// thresholds on each group's or period's own total
		{"which months in 2025 had revenue over $2M", "months of 2025 with sales above 2 million dollars",
			"in 2025, which months brought in more than $2,000,000"},
		{"which states had more than 100 customers", "states with over 100 customers", "which states had more than 100 different customers"},
		{"which states had less than 300 orders", "which states had fewer than 300 orders", "states with under 300 orders"},
		{"customers with at least 5 orders in 2025", "customers with no fewer than 5 orders in 2025", "customers with no less than 5 orders in 2025"},
	})
	for _, q := range []string{"how many products do we carry", "catalogue size"} {
		require.Equal(t, []string{"catalogue_products"}, r.Resolve(nil, q).Request.Metrics, q)
	}
}

// TestGainedAndWhichOf: "gained" said of no customers is growth ("which
// channel gained the most": the change ranked, read as the top channel by
// revenue before), of customers it is new customers; "which of our regions
// … the most" picks one (ten before), "which reps … the most" lists ten.
func TestGainedAndWhichOf(t *testing.T) {
	t.Parallel()
	r := classResolver(t).WithDataEnd(d("2025-12-31"))
	requireFamilies(t, r, [][]string{
		{"which region grew the most from 2024 to 2025", "which region gained the most from 2024 to 2025",
			"which region gained the most revenue from 2024 to 2025"},
		{"which channel grew the most in 2025", "which channel gained the most in 2025"},
		{"how many new customers in 2025", "how many customers did we gain in 2025"},
		{"the top region by revenue in 2025", "which of our regions brought in the most money in 2025",
			"which one of the regions had the highest revenue in 2025"},
	})
	require.Equal(t, 10, r.Resolve(nil, "which reps sold the most in 2025").Request.Limit)
	res := r.Resolve(nil, "which channel gained the most in 2025")
	require.Contains(t, res.Reading, "grew most")
}

// TestPeriodWordings: the latest whole period said as people say it is the
// last one ("the latest month" was the top month by revenue, "the last full
// month" added the order count as a measure); a period of N units then a
// grain keeps the grain ("the past 12 months by month" lost "by month");
// growth in percent by a group is each group's change ("percent growth by
// category" was the one category that grew fastest).
func TestPeriodWordings(t *testing.T) {
	t.Parallel()
	r := classResolver(t).WithDataEnd(d("2025-12-31"))
	requireFamilies(t, r, [][]string{
		{"revenue last quarter", "revenue in the most recent quarter", "revenue in the last complete quarter", "revenue for the latest full quarter"},
		{"orders last year", "orders in the latest year", "orders in the last full year"},
		{"revenue by month over the last 12 months", "revenue over the past 12 months by month", "monthly revenue for the last 12 months"},
		{"orders by week over the last 8 weeks", "orders over the last 8 weeks by week"},
		{"the change in revenue by category from 2024 to 2025", "percent growth by category from 2024 to 2025",
			"growth rate by category 2024 vs 2025", "revenue growth by category from 2024 to 2025, in percentage terms"},
	})
	res := r.Resolve(nil, "revenue in the latest month")
	require.False(t, res.Declined, res.Reason)
	require.Zero(t, res.Request.Limit, res.Reading)
	require.Contains(t, res.Reading, "December 2025")
	require.NotNil(t, r.Resolve(nil, "which category grew fastest from 2024 to 2025").Request.Rank, "a superlative still ranks")
}

// TestChannelWordings: the web shop named as people name it is the Online
// channel ("our online store" was Online or Retail: "store" is Retail's
// word), and "via" joins a channel without being a word not understood.
func TestChannelWordings(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireFamilies(t, r, [][]string{
		{"revenue from the web store in 2025", "revenue from our online store in 2025", "revenue through the website in 2025",
			"revenue via the online shop in 2025"},
		{"orders by phone in 2025", "orders via phone in 2025"},
	})
}

// TestMonthLeftOutBeforeItsYear: a month left out before the year it is of
// ("revenue excluding December in 2025", "except for December") is the year
// without the month, as "revenue in 2025 excluding December" (declined on
// "excluding" / "except for" before); "excluding December 2025", one date,
// is not read as 2025 without it, and a month left out of no year is
// declined naming it.
func TestMonthLeftOutBeforeItsYear(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireFamilies(t, r, [][]string{
		{"revenue in 2025 excluding December", "revenue excluding December in 2025", "revenue except for December in 2025",
			"2025 revenue except for December"},
		{"orders by region in 2025 excluding January", "orders by region other than in January in 2025"},
	})
	for _, q := range []string{"revenue excluding December 2025", "revenue excluding December"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%s: %s", q, res.Reading)
	}
}

// TestWhatHadNoOrdersIsDeclinedSayingWhy: a question about what had no orders
// is declined for that reason (the data holds orders), not on "n't" or
// "nothing" as words not understood; a negation of an order's own field is
// still read.
func TestWhatHadNoOrdersIsDeclinedSayingWhy(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	for _, q := range []string{"which products didn't sell in 2025", "which customers haven't ordered since 2024",
		"which reps sold nothing in December 2025", "products with no sales in 2025", "how many customers did not order in 2025"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%s: %s", q, res.Reading)
		require.Equal(t, DeclineUnsupported, res.Kind, q)
		require.Contains(t, res.Reason, "not list what had no orders", q)
	}
	for _, q := range []string{"orders with no discount in 2025", "orders that weren't returned in 2025", "how many orders were not discounted"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%s: %s", q, res.Reason)
	}
}

// TestCatalogueListPrice: a mean of the catalogue's list prices is the
// catalogue's average list price, by category when asked (it was declined:
// the model had no measure of them), never the order lines' unit price;
// "average price by category" with no catalogue named stays the model's
// average unit price, and a catalogue's measure by a group the catalogue
// does not hold is declined.
func TestCatalogueListPrice(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireFamilies(t, r, [][]string{
		{"average list price by category", "What's the average list price of our products in each category?", "average catalogue price per category",
			"mean list price by product line, across the catalog", "For every category, what is the typical list price of a product in the catalogue?"},
		{"average list price", "what is the average list price of our products", "mean catalog price across the whole catalogue"},
		{"average unit cost by category", "the average unit cost of our products in each category"},
	})
	res := r.Resolve(nil, "average list price by category")
	require.Equal(t, []string{"average_list_price", "order_count"}, res.Request.Metrics, "the orders' count only groups the catalogue by category")
	require.Equal(t, "order_count", res.Hide)
	require.Equal(t, "Average list price by category", res.Reading)
	require.Empty(t, r.Resolve(nil, "average list price").Hide)
	require.Equal(t, []query.Order{query.Desc("average_list_price")}, r.Resolve(nil, "catalog average price per category, most expensive first").Request.OrderBy)
	require.Equal(t, []string{"average_unit_price"}, r.Resolve(nil, "average price by category in 2025").Request.Metrics)
	for _, q := range []string{"average list price by region", "average list price in 2025", "average list price of the products sold online"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%s: %s", q, res.Reading)
		require.Equal(t, DeclineUnsupported, res.Kind, q)
	}
}
