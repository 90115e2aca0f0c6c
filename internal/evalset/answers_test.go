package evalset_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

// demoToday is the demo clock: relative dates in the set resolve against it.
var demoToday = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestExpectedAnswers builds the scale-1 demo warehouse on the embedded engine,
// runs every family's SQL over RAW, checks the result against the family's stated
// shape and pins it as golden JSON.
func TestExpectedAnswers(t *testing.T) { checkExpectedAnswers(t, setDir) }

// checkExpectedAnswers computes, checks and pins the expected answers of the
// set in dir (see TestExpectedAnswers).
func checkExpectedAnswers(t *testing.T, dir string) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	s := loadSet(t, dir)
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
			golden.Check(t, dir+"/"+evalset.GoldenDir+"/"+f.ID+".json", append(b, '\n'))
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
	a, err := evalset.Run(context.Background(), db, query)
	require.NoError(t, err, query)
	return a
}
