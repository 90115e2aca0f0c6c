package embedded_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func openMem(tb testing.TB) *embedded.Engine {
	tb.Helper()
	eng, err := embedded.Open(context.Background(), embedded.Options{})
	require.NoError(tb, err)
	tb.Cleanup(func() { eng.Close() })
	return eng
}

func openFile(tb testing.TB, path string) *embedded.Engine {
	tb.Helper()
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	require.NoError(tb, err)
	return eng
}

func tempDB(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "sales.duckdb")
}

func options(scale, dirty float64) pipelinetest.Opts {
	o := pipelinetest.Default()
	o.Data.Scale, o.Data.DirtyFraction = scale, dirty
	o.Now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	return o
}

func mustSetup(tb testing.TB, eng engine.Engine, o pipelinetest.Opts) *pipeline.Result {
	tb.Helper()
	res, err := pipelinetest.Setup(context.Background(), eng, o)
	require.NoError(tb, err)
	return res
}

func count(tb testing.TB, db *sql.DB, t warehouse.Table) int64 {
	tb.Helper()
	var n int64
	require.NoError(tb, db.QueryRow("SELECT COUNT(*) FROM "+t.Ref("duckdb", warehouse.Names{})).Scan(&n))
	return n
}

func tableExists(tb testing.TB, db *sql.DB, t warehouse.Table) bool {
	tb.Helper()
	var n int
	require.NoError(tb, db.QueryRow(
		`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?`,
		warehouse.DefaultNames().SchemaFor(t.Layer), t.Name).Scan(&n))
	return n == 1
}

// dbChecksum reads every RAW table back in load order and hashes it with the
// generator's canonical encoding, so it equals datagen's Checksum only if every
// value survived the load exactly.
func dbChecksum(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	h := sha256.New()
	for _, t := range warehouse.RawTables() {
		rows, err := db.Query("SELECT * FROM " + t.Ref("duckdb", warehouse.Names{}) + " ORDER BY rowid")
		require.NoError(tb, err)
		vals := make([]any, len(t.Columns))
		ptrs := make([]any, len(t.Columns))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			require.NoError(tb, rows.Scan(ptrs...))
			fields := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				fields[i] = canonical(tb, c, vals[i])
			}
			h.Write([]byte(strings.Join(fields, "\t") + "\n"))
		}
		require.NoError(tb, rows.Err())
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func canonical(tb testing.TB, c warehouse.Column, v any) string {
	if v == nil {
		return "NULL"
	}
	switch c.Type.Kind {
	case "decimal":
		d, err := scan.ToDecimal(v)
		require.NoError(tb, err)
		return d.StringFixed(int32(c.Type.Scale))
	case "date":
		return v.(time.Time).Format(time.DateOnly)
	case "timestamp":
		return v.(time.Time).Format(time.RFC3339)
	case "int":
		switch x := v.(type) {
		case int64:
			return strconv.FormatInt(x, 10)
		case int32:
			return strconv.FormatInt(int64(x), 10)
		}
		return fmt.Sprint(v)
	case "bool":
		return strconv.FormatBool(v.(bool))
	}
	return v.(string)
}

func sumDecimal(tb testing.TB, db *sql.DB, q string, args ...any) decimal.Decimal {
	tb.Helper()
	var d decimal.Decimal
	require.NoError(tb, db.QueryRow(q, args...).Scan(scan.Decimal(&d)))
	return d
}
