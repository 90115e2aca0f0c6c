package pipelinetest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// rulesAsOf is the as-of date [CheckRules] sets: mid-2025, so that half the
// generated orders are dated after it.
var rulesAsOf = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)

// CheckRules builds a small clean warehouse on eng with an as-of date of
// 2025-07-01 and a clock years later, then checks the two STAGING rules that
// once read the clock or a correlated subquery, against hand-written SQL over
// RAW and Go:
//
//   - future_date flags exactly the RAW orders dated after the as-of date, not
//     after the clock's today;
//   - two rows with the same ORDER_ID loaded at the same instant count once: the
//     one that sorts first by content (here the smaller QUANTITY) reaches
//     FCT_ORDERS, the other is a duplicate_id;
//   - a corrected re-delivery (an existing ORDER_ID loaded again later, with
//     another QUANTITY) is a duplicate_id, and FCT_ORDERS keeps the first
//     delivery.
//
// refresh brings the marts up to date after orders are appended (the embedded
// refresher, or Snowflake's on-demand refresh).
func CheckRules(tb testing.TB, eng engine.Engine, refresh func(context.Context) error) {
	tb.Helper()
	ctx := context.Background()
	o := Default()
	o.Data.Scale, o.Data.DirtyFraction = 0.01, 0
	o.AsOf = rulesAsOf
	o.Now = func() time.Time { return time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC) }
	_, err := Setup(ctx, eng, o)
	require.NoError(tb, err)
	d, n := eng.Dialect(), o.Names
	q := func(ident string) string { return d.Quote(ident) }
	db := eng.DB()
	count := func(query string, args ...any) int64 {
		tb.Helper()
		var c int64
		require.NoError(tb, db.QueryRowContext(ctx, query, args...).Scan(&c), query)
		return c
	}
	stg, fct, raw := warehouse.StgOrders().Ref(d, n), warehouse.FctOrders().Ref(d, n), warehouse.RawOrders().Ref(d, n)

	future := count("SELECT COUNT(*) FROM "+raw+" WHERE "+q("ORDER_DATE")+" > ?", rulesAsOf)
	require.Positive(tb, future, "the data has orders after the as-of date")
	require.Equal(tb, future, count("SELECT COUNT(*) FROM "+stg+" WHERE "+q("INVALID_REASON")+" = ?", string(warehouse.RuleFutureDate)),
		"future_date flags the orders after the as-of date")
	require.Zero(tb, count("SELECT COUNT(*) FROM "+fct+" WHERE "+q("ORDER_DATE")+" > ?", rulesAsOf))

	g, err := datagen.New(o.Data)
	require.NoError(tb, err)
	loaded := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	pair := g.Arrivals(50_000_001, 1, rulesAsOf.AddDate(0, -1, 0), rulesAsOf.AddDate(0, 0, -1), loaded)[0]
	twin := pair
	pair.Quantity, twin.Quantity = 2, 5 // same id, same instant; 2 sorts first
	var first datagen.Order
	for i := range g.NumOrders() {
		if first = g.Order(i); !first.OrderDate.After(rulesAsOf) {
			break
		}
	}
	corrected := first
	corrected.Quantity, corrected.LoadedAt = first.Quantity+1, loaded
	require.NoError(tb, AppendOrders(ctx, eng, n, []datagen.Order{twin, pair, corrected}))
	require.NoError(tb, refresh(ctx))

	byID := func(table string, id int64, extra string) int64 {
		return count("SELECT COUNT(*) FROM "+table+" WHERE "+q("ORDER_ID")+" = ?"+extra, id)
	}
	dup := " AND " + q("INVALID_REASON") + " = '" + string(warehouse.RuleDuplicateID) + "'"
	require.EqualValues(tb, 1, byID(stg, pair.ID, dup), "one of two rows loaded at the same instant is the duplicate")
	require.EqualValues(tb, 1, byID(fct, pair.ID, ""), "the order counts once")
	require.EqualValues(tb, 1, byID(fct, pair.ID, " AND "+q("QUANTITY")+" = 2"), "the row that sorts first counts")
	require.EqualValues(tb, 1, byID(stg, first.ID, dup), "a re-delivery is a duplicate")
	require.EqualValues(tb, 1, count("SELECT COUNT(*) FROM "+fct+" WHERE "+q("ORDER_ID")+" = ? AND "+q("QUANTITY")+" = ?", first.ID, first.Quantity), "the first delivery stays")
}
