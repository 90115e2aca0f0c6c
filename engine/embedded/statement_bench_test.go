package embedded_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

// BenchmarkStatement measures what one statement costs through database/sql
// before any data is read: `SELECT 42` run as a new statement each time (what
// every query of the SDK does), as one prepared statement run again, and with a
// bound argument; then one mart query of the dashboard's kind at scale 1, new
// and prepared. It reports cpu-ns/op (DuckDB's threads included) beside wall
// time, since the machine it runs on is often busy.
//
// It is the benchmark behind the DuckDB 2.0 decision (doc.go): build a test
// binary against each duckdb-go version (a copy of go.mod naming the other
// version, passed with -modfile) and run the two in turn, several rounds, then
// compare with benchstat:
//
//	go test -c -o v156.test ./engine/embedded
//	go test -c -o v200.test -modfile=/tmp/go.v2.mod ./engine/embedded
//	for i in 1 2 3 4 5 6; do
//		./v156.test -test.run '^$' -test.bench Statement >> v156.txt
//		./v200.test -test.run '^$' -test.bench Statement >> v200.txt
//	done
//	benchstat v156=v156.txt v200=v200.txt
func BenchmarkStatement(b *testing.B) {
	ctx := context.Background()
	eng := openMem(b)
	db := eng.DB()
	var n int
	b.Run("select42/new", func(b *testing.B) {
		benchRow(b, func() error { return db.QueryRowContext(ctx, "SELECT 42").Scan(&n) })
	})
	b.Run("select42/prepared", func(b *testing.B) {
		st := prepare(b, db, "SELECT 42")
		benchRow(b, func() error { return st.QueryRowContext(ctx).Scan(&n) })
	})
	b.Run("select42/prepared-arg", func(b *testing.B) {
		st := prepare(b, db, "SELECT CAST(? AS INTEGER)")
		benchRow(b, func() error { return st.QueryRowContext(ctx, 42).Scan(&n) })
	})
	if _, err := pipelinetest.Setup(ctx, eng, pipelinetest.Default()); err != nil {
		b.Fatal(err)
	}
	// One of the dashboard's small queries: a region's revenue for one month.
	const mart = `SELECT COUNT(*), SUM("NET_AMOUNT") FROM "MARTS"."FCT_ORDERS"
WHERE "REGION" = ? AND "ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`
	from, to := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	b.Run("mart/new", func(b *testing.B) {
		benchRow(b, func() error { return scanMart(db.QueryContext(ctx, mart, "North", from, to)) })
	})
	b.Run("mart/prepared", func(b *testing.B) {
		st := prepare(b, db, mart)
		benchRow(b, func() error { return scanMart(st.QueryContext(ctx, "North", from, to)) })
	})
}

// benchRow runs one statement per iteration and reports its CPU time.
func benchRow(b *testing.B, run func() error) {
	b.Helper()
	if err := run(); err != nil { // warm
		b.Fatal(err)
	}
	done := benchcpu.PerOp(b)
	for b.Loop() {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	done()
}

// prepare prepares q for the rest of the benchmark.
func prepare(b *testing.B, db *sql.DB, q string) *sql.Stmt {
	b.Helper()
	st, err := db.PrepareContext(context.Background(), q)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// scanMart reads the mart query's one row, the count and the exact sum.
func scanMart(rows *sql.Rows, err error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	var count int64
	sum := dec()
	for rows.Next() {
		if err := rows.Scan(&count, sum); err != nil {
			return err
		}
	}
	return rows.Err()
}
