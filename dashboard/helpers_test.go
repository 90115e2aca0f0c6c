package dashboard_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/scan"
)

var asOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func clock() time.Time { return asOf }

// build sets up a warehouse at scale in memory.
func build(tb testing.TB, scale float64) *embedded.Engine {
	tb.Helper()
	return setup(tb, "", scale)
}

// buildFile sets up a warehouse at scale in the file path and closes it, which
// checkpoints it.
func buildFile(tb testing.TB, path string, scale float64) {
	tb.Helper()
	require.NoError(tb, setup(tb, path, scale).Close())
}

// setup builds a warehouse at scale in the file path ("" for memory).
func setup(tb testing.TB, path string, scale float64) *embedded.Engine {
	tb.Helper()
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	require.NoError(tb, err)
	w, err := pipeline.New(eng, pipeline.Config{Now: clock})
	require.NoError(tb, err)
	o := pipeline.DefaultOptions()
	o.Data.Scale = scale
	_, err = w.Setup(context.Background(), o)
	require.NoError(tb, err)
	return eng
}

var (
	sharedOnce sync.Once
	sharedEng  *embedded.Engine
)

// shared returns the scale-1 warehouse the read-only tests share.
func shared(tb testing.TB) *embedded.Engine {
	tb.Helper()
	sharedOnce.Do(func() { sharedEng = build(tb, 1) })
	require.NotNil(tb, sharedEng)
	return sharedEng
}

func newDash(tb testing.TB, db *sql.DB, o dashboard.Options) *dashboard.Dashboard {
	tb.Helper()
	if o.Now == nil {
		o.Now = clock
	}
	d, err := dashboard.New(db, dialect.DuckDB, o)
	require.NoError(tb, err)
	return d
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// money reads one decimal from the oracle SQL.
func money(tb testing.TB, db *sql.DB, q string, args ...any) decimal.Decimal {
	tb.Helper()
	var d decimal.NullDecimal
	require.NoError(tb, db.QueryRow(q, args...).Scan(scan.NullDecimal(&d)))
	if !d.Valid {
		return decimal.Zero
	}
	return d.Decimal
}

func integer(tb testing.TB, db *sql.DB, q string, args ...any) int64 {
	tb.Helper()
	var n sql.NullInt64
	require.NoError(tb, db.QueryRow(q, args...).Scan(&n))
	return n.Int64
}
