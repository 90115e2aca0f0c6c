package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// classResolver reads the test values and a rep and a customer whose names
// are asked in part ("Maldonado", "Natalie").
func classResolver(t *testing.T) *Resolver {
	t.Helper()
	values := map[string][]string{
		"rep_name":      {"Nancy Clark", "Mark Martin", "Stephen Maldonado"},
		"customer_name": {"Nancy Clark", "Paul Lee", "Natalie Khan"},
		"product_name":  {"Product_0239", "Product_0004"},
		"state":         {"CA", "TX", "OR", "NY", "NC", "FL"},
	}
	r, err := NewResolver(semantic.SalesModel(), values, testNow, 0)
	require.NoError(t, err)
	return r
}

// TestClassesNotPhrasings: wordings a person would use, written for each
// class of issue 20 apart from the evaluation sets, each family read to one
// request — the first wording's — and never declined: other measure words,
// comparisons in every form, entities in every form, the new tables.
func TestClassesNotPhrasings(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireFamilies(t, r, [][]string{
		// measure words
		{"revenue in 2025", "how much did we bring in in 2025", "what was our turnover in 2025", "sales figures for 2025",
			"income in 2025", "what did we earn in 2025", "how much did we bill in 2025", "how much was billed in 2025",
			"2025 earnings", "how much cash came in during 2025", "money made in 2025", "dollars brought in during 2025"},
		{"order count in 2025", "how many transactions in 2025", "how many purchases in 2025", "how many sales did we make in 2025",
			"number of sales in 2025"},
		{"units sold in 2025", "how many items did we sell in 2025", "quantity sold in 2025", "how many pieces were sold in 2025"},
		{"total discount in 2025", "how much discount did we give away in 2025", "discounts given in 2025",
			"value of discounts granted in 2025", "how much was knocked off in discounts in 2025"},
		{"revenue of the enterprise customers in 2025", "how much did Enterprise customers generate in 2025", "how much did enterprise customers spend in 2025"},
		{"total discount by category", "how much was knocked off list prices in each product category", "discount given off list price per category"},
		{"average order value in 2025", "average spend per order in 2025", "How much did a customer spend per order, on average, in 2025?",
			"on average, what was an order worth in 2025?", "what did customers spend per order in 2025", "average basket size in 2025",
			"what was the mean basket value per order in 2025", "revenue per order in 2025"},
		// negation, before or after what it leaves out, and "n't"
		{"2025 revenue excluding the West", "2025 revenue apart from the West", "2025 revenue except the West",
			"2025 revenue besides the West", "2025 revenue other than the West", "2025 revenue without the West",
			"2025 revenue, leaving out the West", "2025 revenue ignoring the West", "2025 revenue with the West excluded",
			"2025 revenue, the West aside", "2025 revenue minus the West", "2025 revenue save for the West",
			"2025 revenue with the exception of the West", "non-West revenue in 2025", "2025 revenue outside the West",
			"2025 revenue not in the West", "2025 revenue excl. West", "leaving the West aside, what was 2025 revenue"},
		{"revenue in 2025 excluding returns", "2025 revenue less returns", "2025 revenue net of returns",
			"2025 revenue with returns taken out", "revenue in 2025 from orders that weren't returned",
			"2025 revenue not counting returned orders", "2025 revenue ex returns", "2025 revenue, returns removed"},
		{"orders in 2025 excluding Online and Phone", "2025 orders, Online and Phone excluded", "2025 orders that didn't come in online or by phone",
			"2025 orders except online and phone ones", "how many 2025 orders were not online or phone"},
		// comparisons in every form: one row each, never a sum
		{"East vs West revenue", "revenue East compared with West", "difference between East and West revenue",
			"East or West: which sold more", "which sold more, East or West", "who sold more, the East or the West",
			"compare revenue in the East against the West", "revenue in east and west side by side"},
		{"Phone vs Partner revenue in 2025", "did phone beat partner in 2025 revenue", "did Phone sell more than Partner in 2025"},
		{"Online vs Retail revenue in 2025", "how does online compare with retail in 2025", "which was bigger in 2025, online or retail revenue",
			"compare the online and retail channels by revenue for 2025", "2025 revenue: online against retail"},
		{"Q1 vs Q2 2025 revenue", "revenue Q1 against Q2 2025", "first quarter versus second quarter 2025 revenue",
			"Q1 2025 compared with Q2 2025, revenue", "revenue in Q1 2025 and Q2 2025",
			"how did the first quarter of 2025 compare to the second, in revenue", "first vs second quarter of 2025, revenue",
			"revenue in the first quarter of 2025 against the second"},
		{"the change in revenue by segment from 2024 to 2025", "for every segment, how much more (or less) did we sell in 2025 than in 2024",
			"how much more revenue did each segment make in 2025 than in 2024"},
		// entities in every form
		{"revenue for customer Natalie Khan", "revenue for natalie khan", "NATALIE KHAN revenue", "how much did natalie spend",
			"revenue from Khan", "lifetime spend of customer Khan, Natalie", "What's the lifetime revenue of Natalie Khan?"},
		{"revenue for rep Stephen Maldonado in 2025", "maldonado revenue 2025", "Maldonado's 2025 sales",
			"how much did stephen maldonado bring in during 2025", "revenue handled by stephen maldonado in 2025"},
		{"revenue in CA", "revenue in California", "california revenue", "sales to California customers", "revenue for the state of california"},
		{"orders in NC", "orders from North Carolina", "orders from N. Carolina", "how many orders from north carolina customers"},
		{"revenue for region West", "revenue in the west", "west region revenue", "the West's revenue", "revenue of the western region"},
		{"units sold for category SPORTS", "sports items sold", "units of sports products sold", "how many Sports did we sell"},
		{"revenue for product Product_0239", "revenue of product 239", "revenue from product 0239"},
		// the new tables
		{"how many reps hit their quota in 2025", "number of salespeople who made quota in 2025", "count of reps at or above quota for 2025",
			"2025: how many reps achieved their annual quota", "how many reps exceeded their quota in 2025"},
		{"quota attainment by rep in 2025", "revenue against quota by rep in 2025", "2025 percent of quota achieved per salesperson",
			"quota vs actual by rep 2025", "sales vs target per rep 2025"},
		{"which reps hit their quota in 2025", "reps above 100% of quota in 2025", "which reps made their number in 2025",
			"reps at or above 100 percent of quota in 2025"},
		{"annual quota by rep", "quota for each rep", "what are the quotas of each rep", "each rep's yearly quota"},
		{"annual quota", "the sum of all reps' quotas", "total annual quota, all reps combined", "company-wide annual quota"},
		{"total discount in 2025", "how much was discounted in 2025", "money lost to discounts in 2025",
			"how much in discounts did we hand out in 2025", "discount dollars 2025"},
		{"units sold in 2025", "how many things did we sell in 2025", "how much stuff did we sell in 2025"},
		{"average unit price in 2025", "what was the average selling price in 2025", "what did a unit sell for on average in 2025",
			"mean price paid per item 2025", "how much did each unit go for on average in 2025"},
		{"revenue per customer in 2025", "spend per customer 2025", "average customer value 2025",
			"what was each customer worth on average in 2025", "how much did the average customer spend in 2025"},
		{"average discount by category", "average discount percentage by category", "mean discount rate per category"},
		{"gross revenue in 2025", "revenue before markdowns in 2025", "sales at sticker price 2025", "gross takings 2025",
			"what would 2025 revenue have been without discounts"},
		{"order count, orders over $2,000 in 2025", "orders bigger than 2 grand in 2025", "orders north of $2,000 in 2025",
			"how many orders topped $2k in 2025", "orders of more than two thousand dollars in 2025"},
		{"orders between $500 and $1,000 in 2025", "orders worth at least $500 but at most $1,000 in 2025", "orders of $500-$1,000 in 2025"},
		{"top rep in 2025", "who led in revenue in 2025", "who topped the sales charts in 2025", "which rep was number one in 2025"},
		{"revenue", "total sales to date", "revenue until now", "all-time revenue"},
		{"top 6 reps in 2025", "top half-dozen reps in 2025", "the six strongest reps in 2025", "top six reps 2025"},
		{"revenue in 2025", "what was the dollar volume of orders in 2025", "the value of orders in 2025", "actual sales 2025"},
		{"average order value in 2025", "mean order amount 2025", "average amount per order in 2025",
			"how much did the average order bring in in 2025", "what did the typical order bring in during 2025"},
		{"new customers in 2025", "how many first-time buyers did we get in 2025", "how many customers placed their first order in 2025",
			"how many customers did we win in 2025", "customers acquired in 2025", "number of brand-new customers in 2025",
			"how many customers were new in 2025"},
		{"new customers and returning customers in 2025", "new vs returning customers in 2025", "new and repeat customers in 2025",
			"first-time vs repeat buyers in 2025", "how many customers were new and how many were returning in 2025"},
		{"returning customers in 2025", "repeat customers 2025", "how many existing customers ordered in 2025",
			"how many customers came back in 2025", "number of repeat buyers in 2025", "customers who ordered again in 2025",
			"how many customers made a repeat purchase in 2025"},
		{"what share of customers were new in 2025", "what percentage of our 2025 customers were new",
			"new customers as a share of all customers in 2025", "what fraction of customers in 2025 were first-time buyers"},
		// thresholds and dates written as people write them
		{"orders between $1,000 and $2,000 in Q4 2025", "count of Q4 2025 orders valued from $1000 to $2000",
			"In the fourth quarter of 2025, how many orders landed in the $1,000-$2,000 range?",
			"How many orders in the last quarter of 2025 were worth between 1k and 2k dollars?",
			"number of orders sized one to two thousand dollars, Oct-Dec 2025", "orders between one and two thousand dollars in Q4 2025",
			"orders from 1 to 2 thousand dollars in the fourth quarter of 2025"},
		// typos and abbreviations a person still reads
		{"top 5 reps in 2024 by revenue", "top fiev reps 2024 by revenue", "top five reps 2024 by rev", "tpo 5 reps in 2024 by revneue"},
		{"units sold by month in 2025", "units sld by month in 2025", "units sold by mth in 2025", "unit sold by mnth 2025"},
		{"revenue by quarter in 2025", "rev by qtr 2025", "revenue by qtr in 2025"},
		{"the top month by revenue in each year from 2024 to 2025", "what was the top month in 2024 and the top month in 2025, each by revenue",
			"best month of 2024 and of 2025 by revenue"},
		{"orders from 2025-02-01 to 2025-04-15", "orders from 2/1 through 4/15/2025", "orders between 2/1/2025 and 4/15/2025",
			"orders from the first of February until the fifteenth of April, 2025", "orders from Feb 1st to April 15th 2025",
			"orders from February the first to April the fifteenth, 2025", "orders 2025/02/01 to 2025/04/15", "orders 02/01/25 - 04/15/25"},
		{"revenue from March to May 2025", "revenue for March, April and May 2025 combined", "2025 revenue for March, April and May combined",
			"revenue Mar-May 2025", "revenue for March, April and May 2025, added together"},
		{"revenue by month from March to May 2025", "revenue for March, April and May 2025", "2025 revenue for March, April and May"},
		{"orders last week", "orders the week before this one", "orders in the week just gone", "orders for the week prior to this one"},
		{"the West's total annual quota", "how big is the combined quota of the reps in the West, per year",
			"West annual quota, all reps added up", "annual quota of the West reps combined"},
		{"revenue in Q4 2025", "revenue in the final quarter of 2025", "revenue in the last 3 months of 2025", "revenue in the 4th quarter of 2025"},
		{"revenue by month in 2025", "what's the revenue trend over 2025", "how did revenue develop month by month in 2025"},
		{"revenue in H1 2025", "revenue in the first two quarters of 2025", "revenue for the first six months of 2025", "2025 first-half sales", "first half 2025 revenue"},
		{"revenue the last 90 days", "total revenue, trailing 90 days", "revenue over the past ninety days"},
		// ranks within groups
		{"the top month by revenue in each year", "best month of each year by revenue", "For every year, which month had the highest sales?",
			"peak revenue month per year"},
		{"top rep by revenue in each region in 2025", "in each territory, who sold the most in 2025", "for every region, which rep sold the most in 2025"},
	})
}

// requireFamilies requires every wording of each family read to the request
// of its first, never declined.
func requireFamilies(t *testing.T, r *Resolver, families [][]string) {
	t.Helper()
	for _, family := range families {
		want := r.Resolve(nil, family[0])
		require.False(t, want.Declined, "%s: %s", family[0], want.Reason)
		for _, q := range family[1:] {
			got := r.Resolve(nil, q)
			require.False(t, got.Declined, "%s: %s", q, got.Reason)
			require.Equal(t, want.Request, got.Request, "%q read as %q, want as %q", q, got.Reading, want.Reading)
			require.Equal(t, want.Keep, got.Keep, q)
			require.Equal(t, want.CountAs, got.CountAs, q)
			require.Equal(t, want.CountBy, got.CountBy, q)
		}
	}
}

// TestDeclinesByClass: forecasts, what the model does not hold, changes to
// the data and questions outside the domain are each declined for that
// reason, in many wordings — never as a word not understood.
func TestDeclinesByClass(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	requireDeclinesAs(t, r, map[DeclineKind][]string{
		DeclineForecast: {"what will sales be in 2026", "revenue forecast for next year", "projected orders for Q1 2026",
			"what do you expect revenue to be in march 2026", "estimate next quarter's revenue", "sales outlook for 2026",
			"revenue in 2027", "list the accounts at risk of leaving soon", "how likely are we to beat 2025 revenue"},
		DeclineNotInModel: {"what was our profit last year", "profit margin by category", "which region is most profitable",
			"net income by region", "operating expenses in 2025", "cost of sales 2025", "rep salaries by region",
			"commission paid in 2025", "which salesperson is the highest paid?", "sales budget vs actual 2025",
			"How did each category perform against its plan in 2025?", "what is the customer acquisition target for 2025",
			"website conversion rate last month", "inventory levels by product", "cancelled orders 2025"},
		DeclineChangesData: {"delete order 5", "change the region of stephen maldonado to West", "add a customer named Bob",
			"set the quota of all reps to 4 million", "please remove the returned orders", "rename the East region to Northeast"},
		DeclineOutOfDomain: {"tell me about the stock market", "who won the Super Bowl in 2025?", "translate hello into french",
			"recommend a good restaurant", "what is the meaning of life", "who is our CEO"},
	})
}

// TestNotIsNeverDropped: a negation word that applies to nothing the analyst
// reads is not understood, never silently left out; one that applies to a
// yes/no dimension makes it false ("orders with no discount" is neither all
// orders nor the discounted ones).
func TestNotIsNeverDropped(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	for _, q := range []string{"no revenue", "revenue not", "orders excluding", "2025 revenue without"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%s: %s", q, res.Reading)
		require.Equal(t, DeclineNotUnderstood, res.Kind, q)
	}
	for _, q := range []string{"orders with no discount", "how many orders had no discount", "orders that weren't discounted",
		"undiscounted orders", "non-discounted orders", "orders without a discount", "full-price orders"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%s: %s", q, res.Reason)
		require.Equal(t, query.Eq("is_discounted", false), res.Request.Where, q)
	}
	res := r.Resolve(nil, "revenue by region excluding the consumer segment (no consumers)")
	require.False(t, res.Declined, res.Reason)
	require.Contains(t, res.Reading, "excluding segment Consumer")
}

// TestWordsAreNotInvented: a word the analyst does not know is never read as
// a word that would drop it ("summer" is not "summed", "things" not
// "thanks") or as a threshold it does not say: the question is declined
// naming it, or read whole.
func TestWordsAreNotInvented(t *testing.T) {
	t.Parallel()
	r := classResolver(t)
	// "early 2025", "mid-March" are read, as a third of the period with its
	// dates in the reading (TestPartsOfAPeriod)
	for _, q := range []string{"revenue in the summer of 2025", "revenue in fiscal 2025", "a handful of top products"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%s: %s", q, res.Reading)
		require.Equal(t, DeclineNotUnderstood, res.Kind, q)
	}
	for q, not := range map[string]string{
		"reps above 100% of quota in 2025": "orders over", "revenue in 2025 less than 2024": "orders under",
		"how many customers came back in 2025": "Returned", "revenue minus returns 2025": "for status Returned",
		"2025 revenue, West aside": "for region West", "how much did new customers spend in 2025": "Total revenue in 2025",
		"customers with more than 5 orders in 2025": "orders over", "what's the revenue trend over 2025": "orders over",
		"orders over 1000 units": "orders over", "how much did orders drop in Q1 2025 compared to Q4 2024": "total revenue", "how many customers placed at least one order in 2025": "orders of at least",
		"how many different customers did stephen maldonado sell to in 2025": "customer Stephen",
	} {
		res := r.Resolve(nil, q)
		require.NotContains(t, res.Reading+res.Reason, not, q)
	}
}
