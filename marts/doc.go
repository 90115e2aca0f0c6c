// Package marts defines the MARTS layer of the sales warehouse — FCT_ORDERS and the
// five aggregates over it — once, in Go, and renders each for both engines.
//
// A mart is built in two stages: an aggregate over FCT_ORDERS at the mart's grain,
// then window columns (running totals, moving averages, growth, ranks) over those
// aggregate rows. The split is what lets the embedded refresher fold new orders in
// incrementally: it re-aggregates only the grain keys the new orders touch, keeps
// the other rows, and recomputes the (cheap) window stage.
//
//	for _, m := range marts.All() {
//		fmt.Println(m.Table.Name, m.Select(dialect.Snowflake, names))
//	}
//
// Money columns are DECIMAL(38,2) / NUMBER(38,2); ratios (AOV, averages, growth,
// attainment) are divided exactly with [dialect.Dialect.DivRound], never in floating
// point. Moving averages treat periods without sales as zero.
package marts
