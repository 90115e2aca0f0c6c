//go:build cgo

package offline_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/query"
)

// rawRows runs sql, hand-written over eval2's cleaning clause (clean.sql's
// "ords": the valid orders of RAW) and selecting VARCHARs, and returns its
// rows as "a|b" lines in their order, each value as norm writes it.
func rawRows(t *testing.T, sql string, args ...any) []string {
	t.Helper()
	clean, err := os.ReadFile(filepath.Join(eval2Dir, "clean.sql"))
	require.NoError(t, err)
	rows, err := warehouse(t).DB().QueryContext(context.Background(), string(clean)+"\n"+sql, args...)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out []string
	for rows.Next() {
		cells := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		for i := range cells {
			cells[i] = norm(cells[i])
		}
		out = append(out, strings.Join(cells, "|"))
	}
	require.NoError(t, rows.Err())
	return out
}

// askRows asks q alone and returns the answer's rows as rawRows writes them,
// taking the columns named by cols in that order (all when none is named).
func askRows(t *testing.T, a *offline.Analyst, q string, cols ...string) []string {
	t.Helper()
	ans, err := a.Ask(context.Background(), nil, q)
	require.NoError(t, err, q)
	require.False(t, ans.Declined, "%s: %s", q, ans.Reason)
	idx := make([]int, 0, len(cols))
	for _, name := range cols {
		i := slices.IndexFunc(ans.Result.Columns, func(c query.Column) bool { return c.Name == name })
		require.GreaterOrEqual(t, i, 0, "%s: no column %s in %v", q, name, ans.Result.Columns)
		idx = append(idx, i)
	}
	if len(cols) == 0 {
		for i := range ans.Result.Columns {
			idx = append(idx, i)
		}
	}
	var out []string
	for _, row := range ans.Result.Rows {
		cells := make([]string, len(idx))
		for k, i := range idx {
			cells[k] = norm(cellText(row[i]))
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}
