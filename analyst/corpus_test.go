package analyst_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlcorpus"
)

// Classes of the hostile corpus the Snowflake guard refuses whole: what the
// engine would run (account functions, stages, other queries' results, second
// statements) rather than fail on as unknown DuckDB functions.
var snowflakeRefusesAll = []string{
	"SYSTEM$ functions", "stages", "RESULT_SCAN and other queries", "SELECT INTO",
	"smuggling: plain second statement", "smuggling: second statement after a comment",
	"smuggling: lowercase, newline separated", "COPY … TO and exports",
	"Snowflake procedures", "Snowflake IDENTIFIER and names from strings",
	"Snowflake databases and qualified functions", "Snowflake Cortex and AI functions",
	"Snowflake sequences", "Snowflake GENERATOR", "Snowflake time travel",
}

// The hostile corpus against the Snowflake guard: whole classes refused, and
// whatever passes is one statement in Snowflake's reading that names no stage,
// SYSTEM$ function or RESULT_SCAN (on Snowflake it is a plain query, or fails as
// unknown DuckDB syntax; one statement per request is enforced by the engine).
func TestHostileCorpusOnTheSnowflakeGuard(t *testing.T) {
	t.Parallel()
	stmts, err := sqlcorpus.Load("hostile.txt")
	require.NoError(t, err)
	refused := map[dialect.Dialect]int{}
	for _, s := range stmts {
		text := s.Expand("/tmp/canary.csv", "/tmp/scratch")
		for _, d := range dialect.All() {
			if analyst.CheckReadOnly(text, d) != nil {
				refused[d]++
			}
		}
		err := analyst.CheckReadOnly(text, dialect.Snowflake)
		if slices.Contains(snowflakeRefusesAll, s.Class) {
			require.ErrorIs(t, err, analyst.ErrNotReadOnly, "line %d (%s) %q", s.Line, s.Class, text)
		}
		if err == nil {
			up := strings.ToUpper(text)
			for _, bad := range []string{"SYSTEM$", "RESULT_SCAN", "->>"} {
				require.NotContains(t, up, bad, "line %d %q", s.Line, text)
			}
		}
	}
	t.Logf("refused by the guard: duckdb %d, snowflake %d of %d", refused[dialect.DuckDB], refused[dialect.Snowflake], len(stmts))
}

// Every legitimate statement passes the DuckDB guard (the embedded engine's
// tests also run them).
func TestLegitimateCorpusPassesTheGuard(t *testing.T) {
	t.Parallel()
	stmts, err := sqlcorpus.Load("legit.txt")
	require.NoError(t, err)
	for _, s := range stmts {
		require.NoError(t, analyst.CheckReadOnly(s.Expand("", ""), dialect.DuckDB), "line %d", s.Line)
	}
}
