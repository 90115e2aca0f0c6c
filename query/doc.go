// Package query compiles typed semantic queries over a [semantic.Model] into SQL
// for Snowflake or the embedded engine, runs them, and returns exact, typed
// results.
//
//	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB})
//	q, err := c.Compile(query.Request{
//		Metrics:    []string{"revenue", "aov"},
//		Dimensions: []string{"region"},
//		Time:       &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
//		Where:      query.In("segment", "SMB", "Enterprise"),
//		Dates:      &query.DateFilter{Range: query.Year(2025)},
//	})
//	res, err := q.Run(ctx, db) // decimals are decimal.Decimal, counts int64
//
// Columns come back named as the request named them ("revenue", a synonym, stays
// "revenue"). Scan rows into structs with [Collect] or [StreamOf], in the manner
// of pgx.CollectRows:
//
//	type row struct {
//		Month   time.Time `query:"order_date_month"`
//		Region  string
//		Revenue decimal.Decimal
//		AOV     decimal.NullDecimal
//	}
//	rows, err := query.Collect[row](ctx, q, db)
//
// Date ranges: [Year], [Quarter], [Month], [Day], [Dates], [LastNDays], and
// [Last] of a [Relative] (LastMonth, YearToDate, …) resolved against the
// compiler's clock; [DateRange.PreviousPeriod] shifts any of them back by its
// own length. One [Compiler] renders for either engine: [Compiler.For].
//
// # Names and errors
//
// Metrics, dimensions and filters are named by model name or synonym, ignoring
// case. An unknown name is refused before any SQL exists, with the valid names and
// the closest one; so are a grain a time dimension cannot take and a filter value
// of the wrong type (a float for money, a number for text).
//
// # Exactness
//
// Money stays decimal end to end. Division in a metric (AOV, revenue per customer)
// and AVG are computed as exact decimal division rounded half away from zero, never
// in floating point; division by zero gives NULL. A quotient keeps the dividend's
// scale (two places for money) or four places when the dividend is a count; AVG
// keeps its input's scale, at least two places. A fact is a value per row, not a
// metric: naming one as a metric is refused with the metrics defined over it.
//
// # Safety
//
// Identifiers come only from the model and are quoted by the compiler; every value
// is a bound argument; output is deterministic, ordered by the requested order and
// then by every dimension, with NULLs last on both engines.
//
// # Joins
//
// A query reads one table's metrics and joins the tables its dimensions and
// filters need, following the model's many_to_one and one_to_one relationships
// from that table only — so a join never multiplies the measured rows.
//
// # Analysis layers
//
// What a sales manager asks after "what, by what": a request can also carry
//
//   - [Compare]: the same figures in a second period — the previous period
//     (of whole calendar months, as many months before: the previous year of a
//     year), a year ago, or an explicit range — with each metric's base, delta
//     and delta percentage, per group of its dimensions (the two periods' groups
//     joined in full), a filter on the change (the categories that shrank), and
//     partial flags for a period running past the data or the clock. No base:
//     all NULL; a zero base: the percentage is NULL, never 0%.
//   - [Share]: a metric's share of the whole result or of a partition, as an
//     exact fraction to four places.
//   - [Rank]: a position per partition, ties broken by the metric and then the
//     dimension values (or shared, with Ties), a top or bottom N (QUALIFY on
//     both engines), and an Other row per partition so the parts sum to the
//     whole.
//   - [Window]: running totals, N-period moving sums and averages, and
//     week/month/quarter/year to date over the time grain, over generated periods
//     so an empty one counts as zero.
//   - [PerPeriod]: a metric's average per day, week, month, quarter or year over
//     the date range — mean revenue per month over a year, orders per week in a
//     quarter. The metric is taken at the grain and averaged over ALL the range's
//     periods up to today, a period without rows counting as zero: the sum of the
//     per-period values divided by the number of periods, counted from the
//     calendar rather than from the data, so empty periods are in the divisor.
//
// Each layer is built over the request's aggregate — compiled as it would be
// alone, then read as a CTE — so a layer applies the same way whichever table
// answers the aggregate. A layer that cannot be computed exactly is refused with
// an [InexactError] naming the layer, the metric and why: a share, an Other row
// or a window of a ratio or a distinct count (its groups do not sum to the
// whole), an average per period of a ratio (an empty period has none, not zero).
//
// # Several tables
//
// Metrics of several tables in one request (revenue from orders, quota from
// sales_reps, quota_attainment across both) are each aggregated at their own
// table's grain in a CTE, grouped by the request's dimensions — reached by
// joins, or through the relationship column that corresponds to them
// (orders.rep_id is sales_reps.rep_key), or through the column of that table
// which the warehouse declares the orders' column copies (an order's region is
// its rep's: warehouse.FctOrdersCopies) — and joined to the first metric's
// table on those columns: a table's figures are never multiplied by another
// table's rows. A metric declared a rate per month (semantic.Metric.Per, the
// quota) is summed over the months of the request's date range, a month covered
// in part prorated by its days. A request that cannot be computed exactly — a
// rate without a date range or by week, a table that cannot be grouped or
// filtered as asked — is refused with an [*ExactnessError] naming why.
//
// # Aggregate awareness
//
// A request over FCT_ORDERS is answered from the smallest pre-aggregated mart
// that gives the same result exactly (the marts' grains and measures are
// declared once, in package warehouse): its grain holds every dimension, filter
// and time grain; sums and order counts re-aggregate, distinct counts only of a
// grain column or where the request groups by the mart's whole key and attributes; a month
// mart only for whole months, a year mart only for whole years. A date range
// of one day, month or year holds one value of the mart's date key, which the
// request then need not group by. Distinct customers come from the marts built
// for them: SALES_BY_MONTH's stored count per month; the year marts' stored
// counts per whole year, in all, by region, rep, segment or industry
// (SALES_BY_YEAR, SALES_BY_REGION_YEAR, SALES_BY_REP_YEAR,
// SALES_BY_SEGMENT_YEAR, SALES_BY_INDUSTRY_YEAR: exact only for exactly those
// groups and periods); SALES_BY_CUSTOMER_YEAR (one row per customer and year)
// for several whole years or other groupings of the customer; by region or rep
// over months, or by product, they are counted over FCT_ORDERS. New customers
// (new_customers: the customers whose first order ever falls in the month of
// an order counted) of whole months with nothing else narrowing the orders are
// the customers mart's rows counted by the month of FIRST_ORDER_DATE — each
// customer is new in one month only — when asked beside another metric
// (Route.Distinct names SALES_BY_CUSTOMER); any other filter or part of a
// month reads FCT_ORDERS. [Query.Route] and Explain name the table that answered and why
// each smaller mart could not. The choice depends on the request and the model
// only; Options.NoRollups switches it off. A request that groups by a mart's
// whole key reads its rows as they are, without GROUP BY: each group is one
// row.
//
// On DuckDB, which has no exact decimal division, Run divides a ratio of two
// plain aggregates that the request also returns (AOV beside revenue and
// orders) in Go, exactly, from the columns it read; Query.SQL computes it too,
// for whoever runs the SQL itself, and both round half away from zero. Over a
// mart, Run also leaves out the casts that change nothing on DuckDB (a sum of
// the mart's DECIMAL(38,2) column is already one); Query.SQL keeps them.
//
// # Stored date parts
//
// A time dimension may declare columns that hold it truncated to a grain
// (semantic.TimeDimension.DateParts: ORDER_WEEK, ORDER_MONTH, ORDER_QUARTER);
// grouping by that grain reads the column instead of truncating every row.
//
// The package imports no database driver and builds with CGO_ENABLED=0.
package query
