package evalset_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/scan"
)

// demoToday is the demo clock: relative dates in the set resolve against it.
var demoToday = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestExpectedAnswers builds the scale-1 demo warehouse on the embedded engine,
// runs every family's SQL over RAW, checks the result against the family's stated
// shape and pins it as golden JSON.
func TestExpectedAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	s := loadSet(t)
	db := demoWarehouse(t, 1, 0)
	for _, f := range s.Families {
		if f.Decline != "" {
			continue
		}
		t.Run(f.ID, func(t *testing.T) {
			a := run(t, db, s.Query(f))
			a.Family = f.ID
			checkShape(t, f, a)
			b, err := json.MarshalIndent(a, "", "  ")
			require.NoError(t, err)
			golden.Check(t, setDir+"/"+evalset.GoldenDir+"/"+f.ID+".json", append(b, '\n'))
		})
	}
}

// demoWarehouse builds the demo warehouse at scale with a fraction dirty of
// its orders on the embedded engine, as internal/testwh builds it, read as of
// the demo clock.
func demoWarehouse(t *testing.T, scale, dirty float64) *sql.DB {
	t.Helper()
	ctx := context.Background()
	eng, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { eng.Close() })
	o := pipelinetest.Default()
	o.Data.Scale, o.Data.DirtyFraction = scale, dirty
	o.Now = func() time.Time { return demoToday }
	o.AsOf = demoToday
	_, err = pipelinetest.Setup(ctx, eng, o)
	require.NoError(t, err)
	return eng.DB()
}

func checkShape(t *testing.T, f evalset.Family, a evalset.Answer) {
	t.Helper()
	e := f.Expect
	names := make([]string, len(a.Columns))
	for i, c := range a.Columns {
		names[i] = c.Name
	}
	want := make([]string, len(e.Columns))
	for i, c := range e.Columns {
		want[i] = c.Name
	}
	require.Equal(t, want, names, "the columns the family states")
	require.Len(t, a.Rows, e.Rows, "the row count the family states")
	if e.Value != "" && !golden.Updating() {
		require.Equal(t, e.Value, a.Rows[0][0], "the value the family states")
	}
	for i, row := range a.Rows {
		for j, v := range row {
			require.NotEqual(t, "NULL", v, "row %d column %s is NULL", i, names[j])
		}
	}
}

func run(t *testing.T, db *sql.DB, query string) evalset.Answer {
	t.Helper()
	rows, err := db.Query(query)
	require.NoError(t, err, query)
	defer rows.Close()
	types, err := rows.ColumnTypes()
	require.NoError(t, err)
	var a evalset.Answer
	for _, ct := range types {
		a.Columns = append(a.Columns, evalset.AnswerColumn{Name: ct.Name(), Type: ct.DatabaseTypeName()})
	}
	for rows.Next() {
		vals := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = render(t, types[i], v)
		}
		a.Rows = append(a.Rows, row)
	}
	require.NoError(t, rows.Err())
	return a
}

// render turns one value into exact text: decimals at their column's scale,
// integers in full, dates as YYYY-MM-DD. A float fails the test: no expected
// answer may pass through one.
func render(t *testing.T, ct *sql.ColumnType, v any) string {
	t.Helper()
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.Format(time.DateOnly)
	case int64, int32, int16, int8, uint64, uint32, uint16, uint8:
		return fmt.Sprint(x)
	case *big.Int:
		return x.String()
	case float32, float64:
		t.Fatalf("column %s is a float (%v): compute it exactly", ct.Name(), v)
	}
	d, err := scan.ToDecimal(v)
	require.NoError(t, err, "column %s", ct.Name())
	if m := decimalType.FindStringSubmatch(ct.DatabaseTypeName()); m != nil {
		scale, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		return d.StringFixed(int32(scale))
	}
	return d.String()
}

// decimalType reads the scale of a DECIMAL(p,s) column type.
var decimalType = regexp.MustCompile(`^DECIMAL\(\d+,\s*(\d+)\)$`)
