package embedded_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/sqlcorpus"
	"github.com/salesanalytics/salesanalytics/query"
)

// canaries is a warehouse with things a hostile statement could change or
// read: a canary table and sequence, a canary file with a secret, a directory a
// statement might write to.
type canaries struct {
	eng    *embedded.Engine
	file   string
	dir    string
	secret string
	before string
}

func newCanaries(t testing.TB, scale float64) *canaries {
	t.Helper()
	return newCanariesOn(t, scale, embedded.Options{})
}

// newCanariesOn is newCanaries on an in-memory engine opened with opts.
func newCanariesOn(t testing.TB, scale float64, opts embedded.Options) *canaries {
	t.Helper()
	eng, err := embedded.Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { eng.Close() })
	if scale > 0 {
		mustSetup(t, eng, options(scale, 0))
	}
	_, err = eng.DB().Exec(`CREATE TABLE canary AS SELECT 42 AS v; CREATE SEQUENCE canary_seq`)
	require.NoError(t, err)
	c := &canaries{eng: eng, dir: t.TempDir(), secret: fmt.Sprintf("CANARY-SECRET-%d", time.Now().UnixNano())}
	c.file = filepath.Join(t.TempDir(), "canary.csv")
	require.NoError(t, os.WriteFile(c.file, []byte("secret\n"+c.secret+"\n"), 0o600))
	// The first analyst query confines the engine; the state to keep is the
	// confined one.
	_, err = analyst.Execute(context.Background(), eng, "SELECT 1", analyst.ExecOptions{})
	require.NoError(t, err)
	c.before = c.state(t)
	return c
}

// state renders everything a statement must not change, read through the
// engine's own handle (not the confined path) and the file system.
func (c *canaries) state(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	db := c.eng.DB()
	for _, q := range []string{
		`SELECT string_agg(table_schema || '.' || table_name || ':' || table_type, ',' ORDER BY ALL) FROM information_schema.tables`,
		`SELECT string_agg(CAST(v AS VARCHAR), ',' ORDER BY v) FROM canary`,
		`SELECT string_agg(sequence_name || ':' || COALESCE(CAST(last_value AS VARCHAR), '-'), ',') FROM duckdb_sequences()`,
		`SELECT string_agg(database_name, ',' ORDER BY database_name) FROM duckdb_databases()`,
		`SELECT string_agg(extension_name, ',' ORDER BY extension_name) FROM duckdb_extensions() WHERE loaded`,
		`SELECT string_agg(name || '=' || COALESCE(value, ''), ',' ORDER BY name) FROM duckdb_settings()`, // every setting
		`SELECT string_agg(name, ',' ORDER BY name) FROM duckdb_functions() WHERE function_type = 'macro' AND NOT internal`,
		`SELECT COUNT(*) FROM MARTS.FCT_ORDERS`,
	} {
		var s sql.NullString
		if err := db.QueryRow(q).Scan(&s); err != nil {
			s.String = "error: " + err.Error()
		}
		b.WriteString(s.String + "\n")
	}
	entries, err := os.ReadDir(c.dir)
	require.NoError(t, err)
	for _, e := range entries {
		b.WriteString("file " + e.Name() + "\n")
	}
	content, err := os.ReadFile(c.file)
	require.NoError(t, err)
	b.Write(content)
	return b.String()
}

// leaked reports whether a result holds the canary file's secret.
func (c *canaries) leaked(res *query.Result) bool {
	if res == nil {
		return false
	}
	for _, row := range res.Rows {
		for _, v := range row {
			if strings.Contains(fmt.Sprint(v), c.secret) {
				return true
			}
		}
	}
	return false
}

// Every hostile statement of the corpus is refused, or harmless: run through
// Execute on the real engine, nothing changes and no canary content comes back.
// The same holds when the guard is bypassed and the engine alone decides
// (RunReadOnly), which is the point of the engine's own check.
func TestHostileCorpusIsRefusedOrHarmless(t *testing.T) {
	stmts, err := sqlcorpus.Load("hostile.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(stmts), 250)
	c := newCanaries(t, 0.02)
	ctx := context.Background()
	outcome := map[string]int{}
	for _, s := range stmts {
		text := s.Expand(c.file, c.dir)
		start := time.Now()
		res, err := analyst.Execute(ctx, c.eng, text, analyst.ExecOptions{MaxRows: 100, Timeout: 5 * time.Second})
		if d := time.Since(start); d > time.Second {
			t.Logf("line %d took %s: %v", s.Line, d.Round(time.Millisecond), err)
		}
		switch {
		case err == nil:
			outcome["accepted and harmless"]++
		case errors.Is(err, analyst.ErrNotReadOnly):
			outcome["refused"]++
		default:
			outcome["failed in the engine"]++
		}
		require.False(t, c.leaked(res), "line %d %q returned the canary file's content", s.Line, text)
		require.Equal(t, c.before, c.state(t), "line %d %q changed the warehouse or files", s.Line, text)

		// The engine alone, without the guard.
		alone, cancel := context.WithTimeout(ctx, 5*time.Second)
		res, err = c.eng.RunReadOnly(alone, text, 100)
		cancel()
		if err == nil {
			outcome["engine alone: accepted and harmless"]++
		}
		require.False(t, c.leaked(res), "engine alone: line %d %q returned the canary file's content", s.Line, text)
		require.Equal(t, c.before, c.state(t), "engine alone: line %d %q changed the warehouse or files", s.Line, text)
	}
	keys := make([]string, 0, len(outcome))
	for k := range outcome {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: %d of %d", k, outcome[k], len(stmts))
	}
}

// Every legitimate SELECT of the corpus answers through Execute, with the rows
// the same SQL returns when run directly on the engine: all of them on the
// in-process path (the allow-list alone), every eighth through a worker too (a
// process start each, seconds on a loaded machine).
func TestLegitimateCorpusAnswers(t *testing.T) {
	stmts, err := sqlcorpus.Load("legit.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(stmts), 70)
	c := newCanariesOn(t, 0.02, embedded.Options{Analyst: embedded.AnalystIsolation{InProcess: true}})
	w := newCanaries(t, 0.02)
	ctx := context.Background()
	for i, s := range stmts {
		for _, on := range []*canaries{c, w} {
			if on == w && i%8 != 0 {
				continue
			}
			text := s.Expand(on.file, on.dir)
			res, err := analyst.Execute(ctx, on.eng, text, analyst.ExecOptions{})
			require.NoError(t, err, "line %d %q", s.Line, text)
			direct, err := query.RunSQL(ctx, on.eng.DB(), text, 0)
			require.NoError(t, err, "line %d %q run directly", s.Line, text)
			require.Equal(t, fmt.Sprint(direct.Rows), fmt.Sprint(res.Rows), "line %d %q", s.Line, text)
		}
	}
	require.Equal(t, c.before, c.state(t))
	require.Equal(t, w.before, w.state(t))
}
