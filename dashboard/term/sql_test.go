package term

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func TestWrapSQLBreaksOnlyBetweenTokens(t *testing.T) {
	sql := `SELECT "order date" AS "a b c", 'it''s a  long literal with spaces' AS "x", SUM("t"."NET_AMOUNT") FROM "MARTS"."FCT_ORDERS" AS "t" WHERE "t"."SEGMENT" = ? AND "t"."REGION" IN (?, ?, ?) GROUP BY 1, 2 ORDER BY 3 DESC`
	got := WrapSQL(sql, 30)
	require.Equal(t, sql, strings.ReplaceAll(got, "\n"+sqlIndent, " "), "only spaces between tokens became breaks")
	require.Contains(t, got, `'it''s a  long literal with spaces'`, "a literal is never broken")
	require.Contains(t, got, `"a b c"`, "nor a quoted identifier")
	for _, line := range strings.Split(got, "\n") {
		if termui.Width(line) > 30 {
			require.Len(t, splitOutsideQuotes(strings.TrimPrefix(line, sqlIndent)), 1, "a line wider than 30 is one token: %q", line)
		}
	}
	require.Equal(t, "SELECT 1", WrapSQL("SELECT 1", 80))
}
