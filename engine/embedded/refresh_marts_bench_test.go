package embedded_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// BenchmarkRefreshMartsScale10 measures each aggregate mart's share of one
// incremental refresh of 1,000 orders at scale 10: the new orders are
// appended to RAW once, and each iteration folds them in as the refresh does
// (FCT_ORDERS, the copy of the new facts, then every mart's statements) in a
// transaction it rolls back. It reports each mart's CPU per refresh
// (<MART>-cpu-ms), the one read of the earlier facts of the batch's customers
// that the distinct counts share (prior-facts-cpu-ms), and the whole fold's
// (total-cpu-ms).
func BenchmarkRefreshMartsScale10(b *testing.B) {
	ctx := context.Background()
	o := options(10, 0)
	o.Now = nil
	eng := openFile(b, tempDB(b))
	b.Cleanup(func() { eng.Close() })
	mustSetup(b, eng, o)
	g, err := datagen.New(o.Data)
	if err != nil {
		b.Fatal(err)
	}
	db, n := eng.DB(), warehouse.Names{}
	var from, to time.Time
	if err := db.QueryRow(`SELECT MAX("LOADED_AT") FROM "RAW"."ORDERS"`).Scan(&from); err != nil {
		b.Fatal(err)
	}
	orders := g.Arrivals(400_000_000, 1000, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), time.Now().UTC())
	if err := pipelinetest.AppendOrders(ctx, eng, n, orders); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT MAX("LOADED_AT") FROM "RAW"."ORDERS"`).Scan(&to); err != nil {
		b.Fatal(err)
	}
	marts := warehouse.AggregateMarts()
	cpu := make([]time.Duration, len(marts))
	var total, priorCPU time.Duration
	for b.Loop() {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		start := processCPU()
		exec(b, tx, warehouse.AppendFactsSQL(eng.Dialect(), n), from, to, from, to)
		exec(b, tx, `CREATE OR REPLACE TEMP TABLE "__NEW_FACTS" AS SELECT * FROM "MARTS"."FCT_ORDERS" WHERE "LOADED_AT" > ? AND "LOADED_AT" <= ?`, from, to)
		t0 := processCPU()
		var lo, hi any
		if err := tx.QueryRow(`SELECT MIN("ORDER_YEAR"), MAX("ORDER_YEAR") FROM "__NEW_FACTS"`).Scan(&lo, &hi); err != nil {
			b.Fatal(err)
		}
		exec(b, tx, `CREATE OR REPLACE TEMP TABLE "__PRIOR_FACTS" AS `+warehouse.PriorFactsSQL(dialect.DuckDB, n, `"__NEW_FACTS"`), lo, hi)
		priorCPU += processCPU() - t0
		for i, m := range marts {
			t0 := processCPU()
			refreshMart(b, tx, m, `"__NEW_FACTS"`, `"__PRIOR_FACTS"`)
			cpu[i] += processCPU() - t0
		}
		total += processCPU() - start
		if err := tx.Rollback(); err != nil {
			b.Fatal(err)
		}
	}
	for i, m := range marts {
		b.ReportMetric(float64(cpu[i].Microseconds())/1000/float64(b.N), m.Table.Name+"-cpu-ms")
	}
	b.ReportMetric(float64(priorCPU.Microseconds())/1000/float64(b.N), "prior-facts-cpu-ms")
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "total-cpu-ms")
}

func exec(b *testing.B, tx *sql.Tx, q string, args ...any) {
	b.Helper()
	if _, err := tx.Exec(q, args...); err != nil {
		b.Fatalf("%v\n%s", err, q)
	}
}

// refreshMart runs mart m's incremental refresh statements over the new
// facts in relation fresh and the earlier facts in prior, as pipeline's
// refresh does.
func refreshMart(b *testing.B, tx *sql.Tx, m warehouse.Mart, fresh, prior string) {
	b.Helper()
	for _, s := range m.RefreshSteps(dialect.DuckDB, warehouse.Names{}, fresh, prior, `"__REFRESH"`) {
		exec(b, tx, s)
	}
}
