// Package dashboard computes the dashboard views of the sales warehouse as typed
// Go values: executive, regional, product, sales reps and customers. The web
// dashboard, the terminal programs and the tests all read the same numbers.
//
//	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Cache: true})
//	f := dashboard.Filter{From: jan1, To: dec31, Regions: []string{"North"}}
//	v, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
//	fmt.Println(v.Totals.Revenue, v.KPIs[0].Change.Pct, v.AsOf)
//	for _, r := range v.Regions {
//		link := "/regional?" + r.Drill.Values().Encode() // the row's drill-down
//	}
//	dashboard.WriteCSV(w, v.Tables()[0])
//
// # Filter
//
// One [Filter] narrows every view: a date range, regions, categories, segments,
// industries, reps, products, customers and a channel. It round-trips losslessly
// through URL query values ([Filter.Values], [ParseValues]) and command-line flags
// ([Filter.Bind], [Filter.Args]). Its fields beside the dates are one table,
// [FilterFields]: every encoder, check, query and the web form walk it. A view
// validates it against the data: a range
// that starts after it ends or lies outside the data, or an unknown value, is an
// [ErrInvalidFilter] naming the field and the valid values. A filter that selects
// no orders is not an error: the view is empty.
//
// # Comparisons
//
// Views compare their period with the previous period ([ComparePrevious]) or
// the same dates a year earlier ([CompareYear]); the executive view adds month,
// quarter and year to date against a year earlier. The periods are query's
// ([query.Compare.ComparisonPeriod]), one rule for every view and request: the
// previous period of a calendar year is the previous calendar year, of a
// quarter the previous quarter, of a month the previous month (of any range of
// whole months, as many whole months before it), and of any other range the
// days of equal length just before it. A
// [Change] holds the base, the exact Δ and Δ% (a decimal fraction); with no base
// (the comparison period holds no data) everything is null, and a zero base has a
// null Δ%: never 0%. A period running past the last day of data is flagged
// partial, and so is its comparison.
//
// # Rows
//
// Every row carries the Filter that narrows to it (Drill). Top-N lists carry each
// part's share of the total and an Other row, so the parts sum to the whole.
// An Other row holds four parts or more (a remainder of one to three is
// listed: query's Rank.MinOther), and a bottom-N list has none (it would be
// nearly the whole). Products, reps and customers are grouped by id and shown
// by name.
//
// # Drill-downs
//
// A view narrowed to one product (the product view) or one customer (the
// customer view) — a row's Drill — adds what that row has: [ProductDetail]
// and [CustomerDetail] hold its figures, its months ([DrillMonth]: every
// month of the period with data, zero without orders, with the change on the
// month before) and, for a customer, the newest orders (a request grouped by
// order, newest first, with a limit: [CustomersOptions.Orders]). The view's
// tables of the whole would each hold the one row; the terminal pages and the
// web site show the drill instead.
//
// # Where numbers come from
//
// Every table of a view is a request to the semantic layer (package query): the
// filter is its Where and date range, growth its Compare, shares and top-N
// lists with their Other row its Shares and Rank, the leaderboard's quota
// attainment the quota_attainment metric (sales_reps' quota beside the orders'
// revenue) and the customers' months the customers and new_customers metrics.
// The query planner answers each request from the smallest pre-aggregated mart
// that gives the same result exactly, and from FCT_ORDERS otherwise;
// [Meta.Sources] says which. [PathFacts] turns that off (query's
// Options.NoRollups), and a test holds both to identical results. Distinct
// customers are asked in a request of their own beside the sums, so the sums
// come from a mart and the embedded engine counts distinct values alone, which
// it does several times faster. A view reads all its tables in one transaction,
// so a refresh running meanwhile never tears a result; a one-row request it
// has already answered with every metric asked (the year to date of a calendar
// year, which the KPIs compared with the year before) is read from that answer
// rather than run again. A rep's months ask for the quota beside the orders'
// figures in one request when the filter restricts only the rep.
//
// What is not a request: the [Catalog] (the values a filter may name and the
// first and last days of data) is read from the marts with SELECT DISTINCT and
// MIN/MAX, which are lists, not aggregates of the model; a top customer's
// lifetime figures are its SALES_BY_CUSTOMER row (package marts). A rep's
// attainment under a filter on the orders (a region, a category) is the
// filtered revenue over the rep's whole quota, which the model refuses to
// compute as one request (a quota is not filtered by the orders' fields): the
// quota comes from a request and the division is done here.
//
// # Cache and freshness
//
// With Options.Cache, results are kept in memory, keyed on the view, its options,
// the canonical filter and the data version ([Source.DataVersion]), so a refresh
// of the marts invalidates them at once; Options.TTL (default 5 minutes) bounds
// their age, and identical requests made together compute once. The cache holds
// at most Options.CacheEntries results and Options.CacheBytes bytes (defaults
// [DefaultCacheEntries], [DefaultCacheBytes]), dropping the least recently used
// first, so distinct filters cannot grow it without end. Every result
// says when its data is from ([Meta.AsOf]) and whether it came from the cache.
//
// # Exports
//
// Every view's Tables method flattens it into [Table]s of exact text (money to the
// cent, ratios to 4 places, dates as YYYY-MM-DD), written by [WriteCSV] and
// [WriteJSON] (every value a string or null). WriteCSV writes a text cell a
// spreadsheet would run as a formula with a leading quote ([SafeCSVField]).
// Filters are bounded: at most [MaxListValues] values per list, [MaxValueBytes]
// bytes per name.
package dashboard
