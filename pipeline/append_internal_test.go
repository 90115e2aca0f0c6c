package pipeline

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TestAppendIsCountedBeforeTheGateOpens: an append is recorded as waiting
// before it releases the refresh gate, so a refresh that slips in right after
// it folds the orders in and measures their lag, and nothing is left waiting
// (counted after the gate, the refresh measured no lag and a wake-up was left
// for nothing).
func TestAppendIsCountedBeforeTheGateOpens(t *testing.T) {
	ctx := context.Background()
	eng, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	defer eng.Close()
	clock := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	w, err := New(eng, Config{Now: func() time.Time { return clock }})
	require.NoError(t, err)
	o := DefaultOptions()
	o.Data.Scale = 0.01
	_, err = w.Setup(ctx, o)
	require.NoError(t, err)
	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	batch := g.Arrivals(40_000_000, 5, time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC), clock)

	require.NoError(t, w.appendOrders(ctx, batch)) // committed, the gate released
	require.Equal(t, clock, w.Freshness().WaitingSince, "the append was not counted before the gate opened")
	clock = clock.Add(300 * time.Millisecond)
	res, err := w.Refresh(ctx) // the refresh that slips in
	require.NoError(t, err)
	require.Equal(t, RefreshIncremental, res.Kind)
	f := w.Freshness()
	require.Zero(t, f.WaitingSince, "nothing waits after the refresh")
	require.Equal(t, 300*time.Millisecond, f.LastLag)
}

// TestMissingMartsReadTheWarehouseDatabase: on Snowflake the marts are looked
// up in the warehouse database's INFORMATION_SCHEMA, whatever database (or
// none) the connection made current; DuckDB reads its own.
func TestMissingMartsReadTheWarehouseDatabase(t *testing.T) {
	sf := missingMartsSQL(dialect.Snowflake, warehouse.Names{Database: "OTHER_DB"}, 2)
	require.Contains(t, sf, ` FROM "OTHER_DB".INFORMATION_SCHEMA.TABLES WHERE `)
	require.Contains(t, missingMartsSQL(dialect.Snowflake, warehouse.Names{}, 2), ` FROM "SALES_ANALYTICS_DB".INFORMATION_SCHEMA.TABLES `)
	require.Contains(t, missingMartsSQL(dialect.DuckDB, warehouse.Names{Database: "OTHER_DB"}, 2), ` FROM information_schema.tables WHERE `)
}
