package web

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

func TestLayoutSQL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT "region", SUM("net") AS "revenue" FROM "marts"."fct" WHERE "d" BETWEEN ? AND ? AND "seg" IN (?, ?) GROUP BY "region" ORDER BY "revenue" DESC, "region" LIMIT 6`,
			"SELECT \"region\",\n  SUM(\"net\") AS \"revenue\"\nFROM \"marts\".\"fct\"\nWHERE \"d\" BETWEEN ? AND ?\n  AND \"seg\" IN (?, ?)\nGROUP BY \"region\"\nORDER BY \"revenue\" DESC, \"region\"\nLIMIT 6"},
		{`SELECT a FROM (SELECT a, RANK() OVER (PARTITION BY b ORDER BY c) AS r FROM t LEFT JOIN u ON t.k = u.k) x WHERE r <= 3`,
			"SELECT a\nFROM (\n    SELECT a,\n      RANK() OVER (PARTITION BY b ORDER BY c) AS r\n    FROM t\n    LEFT JOIN u ON t.k = u.k\n) x\nWHERE r <= 3"},
		{`SELECT 'FROM x WHERE y, z' AS s, LEFT(name, 3), b FROM t`, "SELECT 'FROM x WHERE y, z' AS s,\n  LEFT(name, 3),\n  b\nFROM t"},
		{`SELECT a FROM t WHERE (t.r = ? AND ((t.s = 'E')) AND t.d BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)) LIMIT 3`,
			"SELECT a\nFROM t\nWHERE (t.r = ?\n  AND ((t.s = 'E'))\n  AND t.d BETWEEN CAST(? AS DATE) AND CAST(? AS DATE))\nLIMIT 3"},
		{`SELECT 'unclosed`, `SELECT 'unclosed`},
	} {
		got := layoutSQL(c.in)
		require.Equal(t, c.want, got, c.in)
		// Only the spaces between tokens change: the tokens are the same.
		before, err1 := sqlparse.Lex(c.in, sqlparse.Options{Dialect: dialect.DuckDB})
		after, err2 := sqlparse.Lex(got, sqlparse.Options{Dialect: dialect.DuckDB})
		if err1 != nil {
			require.Error(t, err2)
			continue
		}
		require.NoError(t, err2)
		require.Equal(t, texts(before), texts(after))
	}
}

func texts(toks []sqlparse.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}
