package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// Every function of the linked DuckDB is decided: on the allow-list or refused
// on purpose, never both, never neither. A DuckDB upgrade that adds a function
// fails here until the function is put on one of the two lists.
func TestEveryDuckDBFunctionIsDecided(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	rows, err := eng.DB().QueryContext(context.Background(), `SELECT DISTINCT function_name FROM duckdb_functions() ORDER BY 1`)
	require.NoError(t, err)
	defer rows.Close()
	var undecided, both []string
	n := 0
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		n++
		allowed, refused := embedded.FunctionDecision(name)
		switch {
		case allowed && refused:
			both = append(both, name)
		case !allowed && !refused:
			undecided = append(undecided, name)
		}
	}
	require.NoError(t, rows.Err())
	require.Greater(t, n, 900, "duckdb_functions() lists the linked DuckDB's functions")
	require.Empty(t, both, "functions both allowed and refused")
	require.Empty(t, undecided, "functions of the linked DuckDB neither allowed nor refused on purpose: put each on one list in allow_functions.go")
}
