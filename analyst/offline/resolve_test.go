package offline

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

var testNow = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// testValues stand in for the names LoadValues reads from the warehouse.
var testValues = map[string][]string{
	"rep_name":      {"Nancy Clark", "Mark Martin"},
	"customer_name": {"Nancy Clark", "Paul Lee", "Ada Lovelace"},
	"product_name":  {"Product_0239", "Product_0004"},
	"state":         {"CA", "TX", "OR"},
}

func testResolver(tb testing.TB) *Resolver {
	tb.Helper()
	r, err := NewResolver(semantic.SalesModel(), testValues, testNow, 0)
	require.NoError(tb, err)
	require.Empty(tb, r.Skipped())
	return r
}

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dates(from, to string) *query.DateFilter {
	return &query.DateFilter{Dimension: "order_date", Range: query.Dates(d(from), d(to))}
}

func TestResolveRequests(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, tc := range []struct {
		q    string
		want query.Request
	}{
		{"revenue in 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-01-01", "2025-12-31")}},
		{"REVENUE, in 2025!", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-01-01", "2025-12-31")}},
		{"revnue in 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-01-01", "2025-12-31")}},
		{"orders by channel", query.Request{Metrics: []string{"order_count"}, Dimensions: []string{"channel"}, Limit: DefaultMaxRows + 1}},
		{"top 5 products by units sold", query.Request{Metrics: []string{"units_sold"}, Dimensions: []string{"product_name"},
			OrderBy: []query.Order{query.Desc("units_sold")}, Limit: 5}},
		{"bottom 3 regions by aov", query.Request{Metrics: []string{"average_order_value"}, Dimensions: []string{"region"},
			OrderBy: []query.Order{query.Asc("average_order_value")}, Limit: 3}},
		{"orders for Mark Martin", query.Request{Metrics: []string{"order_count"}, Where: query.Eq("rep_name", "Mark Martin")}},
		{"revenue in OR", query.Request{Metrics: []string{"total_revenue"}, Where: query.Eq("state", "OR")}},
		{"revenue for North or South", query.Request{Metrics: []string{"total_revenue"}, Where: query.In("region", "North", "South")}},
		{"revenue not online", query.Request{Metrics: []string{"total_revenue"}, Where: query.Ne("channel", "Online")}},
		{"revenue excluding Online and Phone for SMB", query.Request{Metrics: []string{"total_revenue"},
			Where: query.And(query.NotIn("channel", "Online", "Phone"), query.Eq("segment", "SMB"))}},
		{"completed orders", query.Request{Metrics: []string{"order_count"}, Filters: []string{"completed_orders"}}},
		{"monthly revenue last quarter", query.Request{Metrics: []string{"total_revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month},
			Dates: dates("2025-10-01", "2025-12-31"), Limit: DefaultMaxRows + 1}},
		{"revenue since March 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-03-01", "2026-01-01")}},
		{"revenue in december", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-12-01", "2025-12-31")}},
		{"revenue in Q3", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-07-01", "2025-09-30")}},
		{"revenue 2024 Q2", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2024-04-01", "2024-06-30")}},
		{"revenue on 2025-12-25", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-12-25", "2025-12-25")}},
		{"revenue between 1 March 2025 and 2025-03-31", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-03-01", "2025-03-31")}},
		{"2024 vs 2025", query.Request{Metrics: []string{"total_revenue", "order_count"},
			Time:  &query.TimeGrain{Dimension: "order_date", Grain: dialect.Year},
			Where: query.Or(query.Between("order_date", "2024-01-01", "2024-12-31"), query.Between("order_date", "2025-01-01", "2025-12-31")),
			Limit: DefaultMaxRows + 1}},
	} {
		res := r.Resolve(nil, tc.q)
		require.False(t, res.Declined, "%q: %s", tc.q, res.Reason)
		require.Equal(t, tc.want, res.Request, tc.q)
	}
}

func TestVerifiedQueriesMatchTolerantly(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, name := range map[string]string{
		"What was total revenue last month?":        "total revenue last month",
		"last month total revenue":                  "total revenue last month",
		"what was the total revnue last month ??":   "total revenue last month",
		"top 10 products by revenue":                "top 10 products by revenue",
		"By revenue: top 10 products.":              "top 10 products by revenue",
		"sales by regions":                          "sales by region",
		"revenue by region":                         "sales by region",
		"who are the top ten salespeople by sales?": "top sales reps",
	} {
		res := r.Resolve(nil, q)
		require.Equal(t, name, res.Verified, q)
	}
	res := r.Resolve(nil, "What was total revenue last month?")
	require.Equal(t, query.Request{Metrics: []string{"total_revenue", "order_count"},
		Dates: &query.DateFilter{Dimension: "order_date", Range: query.Last(query.LastMonth)}}, res.Request)
	require.Empty(t, r.Resolve(nil, "top 5 products by revenue").Verified, "a different N is not the verified query")
}

func TestDeclines(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, reason := range map[string]string{
		"what is our profit margin":                 `"profit" and "margin"`,
		"revenue by supplier":                       `"supplier"`,
		"weather last month":                        `"weather"`,
		"delete all orders":                         "cannot delete",
		"please drop the orders table":              "cannot drop",
		"set revenue to 0":                          "cannot set",
		"change the region of Mark Martin to West":  "cannot change",
		"revenue by flavour":                        `"flavour"`,
		"revenue for Product_9999":                  `"Product_9999"`,
		"top 5 by revenue":                          "something to rank",
		"hello":                                     `"hello"`,
		"":                                          "empty",
		strings.Repeat("revenue ", 70):              "bytes",
		"revenue by region, channel and segment":    "at most 2",
		"2024 vs Q1 2025":                           "same kind",
		"revenue between 2025-03-01 and 2024-01-01": "after it ends",
	} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, q)
		require.Contains(t, res.Reason, reason, q)
		require.NotEmpty(t, res.Suggestions, q)
	}
}

func TestTyposAreCorrectedOnlyWhenUnambiguous(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "revnue by categroy")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"category"}, res.Request.Dimensions)
	require.Contains(t, strings.Join(res.Notes, " "), `Read "revnue" as "revenue"`)
	// a product is never guessed from a near name
	require.True(t, r.Resolve(nil, "revenue for Product_0238").Declined)
	// short words are corrected only for dropped vowels or two swapped letters
	require.True(t, r.Resolve(nil, "revenue by rgxn").Declined)
	require.Equal(t, []string{"region"}, r.Resolve(nil, "revenue by rgon").Request.Dimensions)
}

func TestAmbiguousValueIsReadAndSaid(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "orders for Nancy Clark")
	require.Equal(t, query.Eq("rep_name", "Nancy Clark"), res.Request.Where)
	require.Contains(t, strings.Join(res.Notes, " "), `say "customer Nancy Clark"`)
	res = r.Resolve(nil, "orders for customer Nancy Clark")
	require.Equal(t, query.Eq("customer_name", "Nancy Clark"), res.Request.Where)
	require.Empty(t, res.Notes)
}

func TestFollowUps(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	first := r.Resolve(nil, "top 10 products by revenue in 2025")
	for _, tc := range []struct {
		q     string
		check func(query.Request)
	}{
		{"and in 2024?", func(q query.Request) { require.Equal(t, dates("2024-01-01", "2024-12-31"), q.Dates) }},
		{"top 5 instead", func(q query.Request) { require.Equal(t, 5, q.Limit) }},
		{"only online", func(q query.Request) { require.Equal(t, []string{"online_orders"}, q.Filters) }},
		{"what about units sold?", func(q query.Request) {
			require.Equal(t, []string{"units_sold"}, q.Metrics)
			require.Equal(t, []query.Order{query.Desc("units_sold")}, q.OrderBy)
		}},
		{"for SPORTS", func(q query.Request) { require.Equal(t, query.Eq("category", "SPORTS"), q.Where) }},
	} {
		res := r.Resolve(first.in, tc.q)
		require.False(t, res.Declined, "%q: %s", tc.q, res.Reason)
		require.Equal(t, []string{"product_name"}, res.Request.Dimensions, tc.q)
		tc.check(res.Request)
	}
	res := r.Resolve(r.Resolve(nil, "orders in 2025").in, "break that down by region")
	require.Equal(t, []string{"region"}, res.Request.Dimensions)
	require.Equal(t, []string{"order_count"}, res.Request.Metrics)
	// a fresh question is not a follow-up
	res = r.Resolve(first.in, "what was revenue by channel")
	require.Equal(t, []string{"channel"}, res.Request.Dimensions)
	require.Nil(t, res.Request.Dates)
}

func TestSplit(t *testing.T) {
	t.Parallel()
	var got []string
	for _, w := range split("Rep's revenue, 1,000 on 2025-03-01 (Q3)!") {
		got = append(got, w.text)
	}
	require.Equal(t, []string{"rep", "revenue", "1000", "on", "2025-03-01", "q3"}, got)
	require.Equal(t, "category", singular("categories"))
	require.Equal(t, "salesperson", singular("salespeople"))
	require.Equal(t, "sales", singular("sales"))
}

// demoResolver knows every name of the demo data at scale 1, as LoadValues
// would read them: 500 products, 50 reps, the customers' names and states.
func demoResolver(tb testing.TB) *Resolver {
	tb.Helper()
	g, err := datagen.New(datagen.DefaultConfig())
	require.NoError(tb, err)
	seen := map[string]map[string]bool{"product_name": {}, "rep_name": {}, "customer_name": {}, "state": {}}
	for _, p := range g.Products() {
		seen["product_name"][p.Name] = true
	}
	for _, rp := range g.Reps() {
		seen["rep_name"][rp.Name] = true
	}
	for i := range g.NumCustomers() {
		c := g.Customer(i)
		seen["customer_name"][c.Name], seen["state"][c.State] = true, true
	}
	values := map[string][]string{}
	for dim, vs := range seen {
		for v := range vs {
			values[dim] = append(values[dim], v)
		}
	}
	r, err := NewResolver(semantic.SalesModel(), values, testNow, 0)
	require.NoError(tb, err)
	return r
}

// BenchmarkResolve measures resolving a question into a request (no query),
// with every name of the demo data known.
func BenchmarkResolve(b *testing.B) {
	r := demoResolver(b)
	for _, q := range []string{"What was total revenue last month?", "top 5 sales reps by revenue in Q3 2024 for SMB", "how did SMB change from 2024 to 2025 by region"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res := r.Resolve(nil, q); res.Declined {
					b.Fatal(res.Reason)
				}
			}
		})
	}
}

// BenchmarkResolveFollowUp measures a follow-up in a conversation.
func BenchmarkResolveFollowUp(b *testing.B) {
	r := demoResolver(b)
	prev := r.Resolve(nil, "revenue by category last quarter").in
	b.ReportAllocs()
	for b.Loop() {
		if res := r.Resolve(prev, "and only online in 2024?"); res.Declined {
			b.Fatal(res.Reason)
		}
	}
}
