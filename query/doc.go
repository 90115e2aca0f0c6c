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
// The package imports no database driver and builds with CGO_ENABLED=0.
package query
