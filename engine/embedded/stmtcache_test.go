package embedded_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// A connection keeps at most StmtCacheSize SELECTs, the least recently used
// leaving first; a statement whose rows are open still answers a second call
// of its text; what is not a SELECT is never kept.
func TestStatementCacheBound(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	conn, err := eng.DB().Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	text := func(i int) string { return fmt.Sprintf("SELECT ?::INTEGER + %d", i) }
	total := embedded.StmtCacheSize + 10
	for i := range total {
		var got int
		require.NoError(t, conn.QueryRowContext(ctx, text(i), 1000).Scan(&got))
		require.Equal(t, 1000+i, got)
	}
	kept, err := embedded.CachedOn(conn)
	require.NoError(t, err)
	require.Len(t, kept, embedded.StmtCacheSize)
	require.Equal(t, text(total-1), kept[0])
	require.NotContains(t, kept, text(9))
	require.Contains(t, kept, text(10))

	// Two open rows of one text: the second runs apart, both answer.
	r1, err := conn.QueryContext(ctx, text(total-1), 1)
	require.NoError(t, err)
	var a, b int
	require.NoError(t, conn.QueryRowContext(ctx, text(total-1), 2).Scan(&b))
	require.True(t, r1.Next())
	require.NoError(t, r1.Scan(&a))
	require.NoError(t, r1.Close())
	require.Equal(t, []int{total, total + 1}, []int{a, b})

	// A failed run drops its statement; the text answers again after.
	require.Error(t, conn.QueryRowContext(ctx, text(total-1), "not a number").Scan(&a))
	require.NoError(t, conn.QueryRowContext(ctx, text(total-1), 3).Scan(&a))
	require.Equal(t, total+2, a)

	rows, err := conn.QueryContext(ctx, `CREATE TABLE t AS SELECT 1 AS x`)
	require.NoError(t, err)
	require.NoError(t, rows.Close())
	_, err = conn.ExecContext(ctx, `INSERT INTO t VALUES (2)`)
	require.NoError(t, err)
	kept, err = embedded.CachedOn(conn)
	require.NoError(t, err)
	require.NotContains(t, kept, `CREATE TABLE t AS SELECT 1 AS x`)
	require.NotContains(t, kept, `INSERT INTO t VALUES (2)`)
	var n int
	require.NoError(t, conn.QueryRowContext(ctx, `SELECT count(*) FROM t`).Scan(&n))
	require.Equal(t, 2, n)
}

// A statement kept prepared across an append of new orders and the refresh
// that rebuilds the marts answers as a query prepared anew does, and as the
// counts of the generated rows say.
func TestStatementCacheNeverStaleAfterRefresh(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0.02)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, n := eng.DB(), warehouse.Names{}
	db.SetMaxOpenConns(1) // one connection: the cached statements are those read again
	since := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	queries := []string{
		`SELECT COUNT(*)::VARCHAR || '/' || SUM("NET_AMOUNT")::VARCHAR FROM "MARTS"."FCT_ORDERS" WHERE "ORDER_DATE" >= ?`,
		`SELECT COUNT(*)::VARCHAR || '/' || SUM("NET_AMOUNT")::VARCHAR FROM "MARTS"."FCT_ORDERS" WHERE ? IS NOT NULL`,
		// Before the append, every LOADED_AT is older than this literal: a plan
		// made then may know from the column's statistics that nothing matches.
		`SELECT COUNT(*)::VARCHAR FROM "MARTS"."FCT_ORDERS" WHERE "LOADED_AT" > TIMESTAMP '2026-01-05 00:00:00' AND ? IS NOT NULL`,
		`SELECT string_agg("REGION" || ':' || "REVENUE"::VARCHAR, ',' ORDER BY "REGION") FROM (SELECT "REGION", SUM("REVENUE") AS "REVENUE" FROM "MARTS"."DAILY_SALES" WHERE "SALES_DATE" >= ? GROUP BY 1)`,
	}
	read := func(ctx context.Context) []string {
		out := make([]string, len(queries))
		for i, q := range queries {
			require.NoError(t, db.QueryRowContext(ctx, q, since).Scan(&out[i]), q)
		}
		return out
	}
	var before int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "MARTS"."FCT_ORDERS"`).Scan(&before))
	first := read(ctx)
	require.Equal(t, first, read(embedded.Uncached(ctx)))
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	kept, err := embedded.CachedOn(conn)
	require.NoError(t, err)
	require.Subset(t, kept, queries)
	require.NoError(t, conn.Close())

	base := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	batch := batchesWithDuplicates(g, []time.Time{base})[0]
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, batch))
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)

	after := read(ctx)
	require.Equal(t, read(embedded.Uncached(ctx)), after)
	for i := range queries {
		require.NotEqual(t, first[i], after[i], "the refresh changed nothing %s reads", queries[i])
	}
	var total int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "MARTS"."FCT_ORDERS" WHERE ? IS NOT NULL`, since).Scan(&total))
	require.Equal(t, before+int64(len(validArrivals(g, [][]datagen.Order{batch}))), total)
}

// Many goroutines share the engine's connections and their caches; every
// answer is right (run with -race).
func TestStatementCacheConcurrent(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Go(func() {
			for i := range 60 {
				var got int
				q := fmt.Sprintf("SELECT ?::INTEGER * %d", i%7)
				if err := eng.DB().QueryRowContext(ctx, q, w).Scan(&got); err != nil {
					errs <- err
					return
				}
				if got != w*(i%7) {
					errs <- fmt.Errorf("%s with %d: %d", q, w, got)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

// Closing the engine closes the kept statements and the database; analyst SQL
// is never kept.
func TestStatementCacheAnalystAndClose(t *testing.T) {
	ctx := context.Background()
	eng, err := embedded.Open(ctx, embedded.Options{Analyst: embedded.AnalystIsolation{InProcess: true}})
	require.NoError(t, err)
	mustSetup(t, eng, options(0.01, 0))
	db := eng.DB()
	db.SetMaxOpenConns(1)
	var x int
	require.NoError(t, db.QueryRow(`SELECT 41 + 1`).Scan(&x))
	analyst := `SELECT COUNT(*) AS n FROM MARTS.FCT_ORDERS`
	res, err := eng.RunReadOnly(ctx, analyst, 10)
	require.NoError(t, err)
	require.Len(t, res.Rows, 1)
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	kept, err := embedded.CachedOn(conn)
	require.NoError(t, err)
	require.Contains(t, kept, `SELECT 41 + 1`)
	for _, k := range kept {
		require.NotContains(t, k, analyst)
	}
	require.NoError(t, conn.Close())
	require.NoError(t, eng.Close())
	require.Error(t, db.QueryRow(`SELECT 41 + 1`).Scan(&x))
}
