package snowflake_test

import (
	"context"
	"database/sql"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/internal/snowfake"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestMain(m *testing.M) {
	for k, v := range snowfake.DriverEnv {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

// fixture is a Snowflake engine talking, through the real driver, to a loopback
// Snowflake with its own in-memory DuckDB behind it.
type fixture struct {
	eng  *snowflake.Engine
	fake *snowfake.Server

	mu  sync.Mutex
	now time.Time // the fake's clock
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func startFake(tb testing.TB) *fixture {
	tb.Helper()
	ctx := context.Background()
	duck, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(tb, err)
	tb.Cleanup(func() { duck.Close() })
	f := &fixture{now: time.Date(2026, 1, 1, 6, 0, 0, 0, time.UTC)}
	f.fake, err = snowfake.New(ctx, duck.DB(), snowfake.Options{User: "user", Password: "pass", Now: f.clock})
	require.NoError(tb, err)
	srv := httptest.NewServer(f.fake)
	tb.Cleanup(func() { srv.Close(); f.fake.Close() })
	f.eng, err = snowflake.Open(ctx, snowflake.Options{DSN: snowfake.DSN(srv.Listener.Addr().String(), "SALES_ANALYTICS_DB"), BatchRows: 500})
	require.NoError(tb, err)
	tb.Cleanup(func() { f.eng.Close() })
	return f
}

// dump reads a whole table, ordered by its first columns, with each value
// rendered by its warehouse type: decimals exact, dates as dates.
func dump(tb testing.TB, db *sql.DB, d dialect.Dialect, n warehouse.Names, t warehouse.Table, orderBy []string) [][]string {
	tb.Helper()
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	keys := make([]string, len(orderBy))
	for i, k := range orderBy {
		keys[i] = d.Quote(k)
	}
	rows, err := db.Query("SELECT " + strings.Join(cols, ", ") + " FROM " + t.Ref(d, n) + " ORDER BY " + strings.Join(keys, ", "))
	require.NoError(tb, err)
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		dst := make([]any, len(t.Columns))
		decs := make([]*decimal.NullDecimal, len(t.Columns))
		for i, c := range t.Columns {
			switch c.Type.Kind {
			case dialect.KindDecimal:
				decs[i] = new(decimal.NullDecimal)
				dst[i] = scan.NullDecimal(decs[i])
			case dialect.KindDate, dialect.KindTimestamp:
				dst[i] = new(sql.NullTime)
			case dialect.KindBool:
				dst[i] = new(sql.NullBool)
			case dialect.KindInt:
				dst[i] = new(sql.NullInt64)
			default:
				dst[i] = new(sql.NullString)
			}
		}
		require.NoError(tb, rows.Scan(dst...))
		row := make([]string, len(dst))
		for i, v := range dst {
			row[i] = render(v, t.Columns[i].Type)
			if d := decs[i]; d != nil {
				row[i] = "NULL"
				if d.Valid {
					row[i] = d.Decimal.StringFixed(int32(t.Columns[i].Type.Scale))
				}
			}
		}
		out = append(out, row)
	}
	require.NoError(tb, rows.Err())
	return out
}

func render(v any, t dialect.Type) string {
	switch v := v.(type) {
	case *sql.NullTime:
		if !v.Valid {
			return "NULL"
		}
		if t.Kind == dialect.KindDate {
			return v.Time.Format(time.DateOnly)
		}
		return v.Time.UTC().Format(time.RFC3339Nano)
	case *sql.NullBool:
		if !v.Valid {
			return "NULL"
		}
		return map[bool]string{true: "true", false: "false"}[v.Bool]
	case *sql.NullInt64:
		if !v.Valid {
			return "NULL"
		}
		return decimal.NewFromInt(v.Int64).String()
	case *sql.NullString:
		if !v.Valid {
			return "NULL"
		}
		return v.String
	}
	return "?"
}
