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
// # Several tables
//
// Metrics of several tables in one request (revenue from orders, quota from
// sales_reps, quota_attainment across both) are each aggregated at their own
// table's grain in a CTE, grouped by the request's dimensions — reached by
// joins, or through the relationship column that corresponds to them
// (orders.rep_id is sales_reps.rep_key) — and joined to the first metric's
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
// grain column or where the request groups by the mart's whole key; a month
// mart only for whole months. [Query.Route] and Explain name the table that
// answered and why each smaller mart could not. The choice depends on the
// request and the model only; Options.NoRollups switches it off.
//
// # Stored date parts
//
// A time dimension may declare columns that hold it truncated to a grain
// (semantic.TimeDimension.DateParts: ORDER_WEEK, ORDER_MONTH, ORDER_QUARTER);
// grouping by that grain reads the column instead of truncating every row.
//
// The package imports no database driver and builds with CGO_ENABLED=0.
package query
