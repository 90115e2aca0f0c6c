package embedded_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func readMarts(tb testing.TB, db *sql.DB) map[string]martRows {
	tb.Helper()
	out := map[string]martRows{}
	for _, t := range warehouse.MartTables() {
		out[t.Name] = readMart(tb, db, t, martKeys[t.Name]...)
	}
	return out
}

// batchesWithDuplicates makes n batches of arrivals, batch k loaded at
// loaded[k], with duplicates that straddle batches and the initial load:
//
//   - fresh orders (valid);
//   - a corrected re-delivery of a valid order of the initial load, and of an
//     invalid one (a duplicate whatever it corrects);
//   - a corrected re-delivery of a fresh order of the previous batch;
//   - an order that first arrives with QUANTITY 0 (bad_quantity) and is
//     corrected in the next batch: the correction is still a duplicate, because
//     the invalid first row counts first;
//   - an exact twin of a fresh order of the same batch, same instant: one counts.
//
// Duplicates of different content always differ in LOADED_AT, so the Go rule of
// [validArrivals] needs no tie-break.
func batchesWithDuplicates(g *datagen.Generator, loaded []time.Time) [][]datagen.Order {
	from, to := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), datagen.DefaultEnd()
	var validOld, invalidOld []datagen.Order
	for i := range g.NumOrders() {
		if o := g.Order(i); o.Defect == datagen.RuleNone {
			validOld = append(validOld, o)
		} else {
			invalidOld = append(invalidOld, o)
		}
	}
	out := make([][]datagen.Order, len(loaded))
	for k, at := range loaded {
		fresh := g.Arrivals(int64(30_000_000+k*1_000), 150, from, to, at)
		batch := append([]datagen.Order(nil), fresh...)
		redo := func(o datagen.Order) {
			o.Quantity++
			o.LoadedAt = at
			batch = append(batch, o)
		}
		redo(validOld[k*7])
		redo(invalidOld[k*3])
		if k > 0 {
			prev := out[k-1]
			redo(prev[0])           // a valid fresh order of the batch before
			redo(prev[len(prev)-1]) // its bad-quantity first delivery, corrected
		}
		bad := g.Arrivals(int64(31_000_000+k), 1, from, to, at)[0]
		bad.Quantity = 0
		out[k] = append(batch, fresh[1], bad) // a twin; the bad delivery last
	}
	return out
}

// validArrivals applies the rules in Go: an arrival counts when no earlier row
// (initial load included, valid or not) has its ORDER_ID and its QUANTITY is
// positive; every arrival is otherwise clean by construction.
func validArrivals(g *datagen.Generator, batches [][]datagen.Order) []datagen.Order {
	seen := map[int64]bool{}
	for i := range g.NumOrders() {
		seen[g.Order(i).ID] = true
	}
	var out []datagen.Order
	for _, b := range batches {
		for _, o := range b {
			if !seen[o.ID] && o.Quantity > 0 {
				out = append(out, o)
			}
			seen[o.ID] = true
		}
	}
	return out
}

// Several incremental refreshes, with duplicates inside and across batches,
// leave every mart exactly as a full rebuild over the same RAW rows leaves it,
// to the cent, and as the Go oracle computes it from the generated rows; and the
// staged batch each refresh reads equals STG_ORDERS for the batch's ids.
func TestIncrementalRefreshesEqualAFullRebuild(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0.02)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, d, n := eng.DB(), dialect.DuckDB, warehouse.Names{}

	base := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC) // after every generated load
	loaded := []time.Time{base, base.Add(time.Hour), base.Add(2 * time.Hour), base.Add(3 * time.Hour)}
	batches := batchesWithDuplicates(g, loaded)
	staged := warehouse.StagedBatchSQL(d, n)
	byHand := `SELECT * FROM "STAGING"."STG_ORDERS" WHERE "ORDER_ID" IN
  (SELECT "ORDER_ID" FROM "RAW"."ORDERS" WHERE "LOADED_AT" > ? AND "LOADED_AT" <= ?)`
	var mark time.Time
	require.NoError(t, db.QueryRow(`SELECT MAX("LOADED_AT") FROM "RAW"."ORDERS"`).Scan(&mark))
	for k, b := range batches {
		require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, b))

		var rows, diff int64
		require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM (`+byHand+`)`, mark, loaded[k]).Scan(&rows))
		require.Greater(t, rows, int64(len(b)), "batch %d: its ids have older rows too", k)
		require.NoError(t, db.QueryRow(fmt.Sprintf(`SELECT COUNT(*) FROM ((%s EXCEPT ALL %s) UNION ALL (%s EXCEPT ALL %s))`,
			staged, byHand, byHand, staged), mark, loaded[k], mark, loaded[k], mark, loaded[k], mark, loaded[k]).Scan(&diff))
		require.Zero(t, diff, "batch %d: the staged batch differs from STG_ORDERS", k)

		res, err := pipelinetest.Refresh(ctx, eng, n, nil)
		require.NoError(t, err)
		require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)
		require.EqualValues(t, len(b), res.NewOrders)
		mark = loaded[k]
	}
	incremental := readMarts(t, db)

	valid := validOrders(g, validArrivals(g, batches)...)
	requireMartsMatchOracle(t, db, oracle(g, valid))
	want := martRows{}
	for _, v := range valid {
		want[itoa(v.ID)] = map[string]string{"QUANTITY": itoa(v.Quantity), "NET_AMOUNT": money(int64(v.NetAmount()))}
	}
	fct := incremental[warehouse.FctOrders().Name]
	require.Len(t, fct, len(want))
	for id, w := range want {
		require.Contains(t, fct, id)
		require.Equal(t, w, map[string]string{"QUANTITY": fct[id]["QUANTITY"], "NET_AMOUNT": fct[id]["NET_AMOUNT"]}, "order %s", id)
	}

	_, err := db.Exec(`DELETE FROM "MARTS"."REFRESH_STATE"`)
	require.NoError(t, err)
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)
	full := readMarts(t, db)
	for name, rows := range full {
		require.Equal(t, rows, incremental[name], "%s: incremental refreshes differ from a full rebuild", name)
	}
}
