// Package marts is the read side of the warehouse: typed rows of FCT_ORDERS and
// the aggregate marts, read with bound parameters over any database handle, in
// the manner of sqlc's generated code.
//
//	q := marts.New(eng.DB(), eng.Dialect(), warehouse.Names{})
//	rows, err := q.SalesByRegion(ctx, marts.SalesByRegionParams{
//		Months:  marts.DateRange{From: jan1, To: dec1},
//		Regions: []string{"North"},
//	})
//	for _, r := range rows {
//		fmt.Println(r.Region, r.Month.Format("2006-01"), r.Revenue, r.MoMGrowth)
//	}
//
// There is one struct per mart ([FctOrder], [DailySales], [SalesByRegion],
// [SalesByProduct], [SalesByCustomer], [SalesByRep]), its fields in column order
// and tagged with the column's name: money is decimal.Decimal, nullable money and
// ratios decimal.NullDecimal, counts int64, dates time.Time at UTC midnight. A test
// holds every struct to its table's definition in package warehouse, and another
// (in engine/embedded) holds those definitions to the live schema.
//
// Readers take a params struct whose empty fields select everything; values are
// always bound, and table and column names come from package warehouse, quoted for
// the dialect. [Queries.FctOrders] streams as an iter.Seq2, one order at a time;
// [Collect] gathers any stream into a slice. A [DBTX] is a *sql.DB, *sql.Conn or
// *sql.Tx, so several reads can share one transaction ([Queries.WithTx]) and see
// one snapshot.
//
// [Queries.DataVersion] identifies the data the marts hold (the embedded
// refresher's bookkeeping, or FCT_ORDERS' newest load) for caches keyed on it.
//
// The marts' definitions — their columns and the SQL that builds them on each
// engine — live in package warehouse; package pipeline builds and refreshes them.
package marts
