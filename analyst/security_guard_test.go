package analyst_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
)

// The guard reads SQL as DuckDB does: these smuggle a second statement past a
// lexer that treats \ as an escape, does not nest comments, does not know
// dollar-quoted strings or ends -- comments only at \n.
func TestGuardRefusesSmugglingThroughLexerDivergences(t *testing.T) {
	t.Parallel()
	for _, sql := range []string{
		`SELECT '\'; DROP TABLE t; --'`,
		"SELECT 1 /* /* */ ; DROP TABLE t; /* */",
		"SELECT $$ ' $$; DROP TABLE t; SELECT ' x'",
		"SELECT $a$ ' $a$; DROP TABLE t; SELECT ' x'",
		"SELECT 1 --\r; DROP TABLE t",
	} {
		require.ErrorIs(t, analyst.CheckReadOnly(sql, dialect.DuckDB), analyst.ErrNotReadOnly, "%q", sql)
	}
}

func TestGuardPassesLegitimateSQL(t *testing.T) {
	t.Parallel()
	for _, sql := range []string{
		"SELECT REPLACE(region, 'a', 'b') FROM t",
		"SELECT LIST(region) FROM t",
		"SELECT comment FROM t",
		`SELECT x FROM t WHERE x LIKE 'a\_%' ESCAPE '\'`,
	} {
		require.NoError(t, analyst.CheckReadOnly(sql, dialect.DuckDB), "%q", sql)
	}
}
