package sqlparse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

func parse(src string) (sqlparse.Node, error) {
	return sqlparse.ParseExpr(src, sqlparse.Options{Dialect: dialect.Snowflake, MaxBytes: 4 << 20})
}

func TestParseExprBoundsNesting(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"1,000,000 parentheses": strings.Repeat("(", 1_000_000) + "1" + strings.Repeat(")", 1_000_000),
		"100,000 NOTs":          strings.Repeat("NOT ", 100_000) + "TRUE",
		"100,000 minus signs":   strings.Repeat("- ", 100_000) + "1",
		"nested calls":          strings.Repeat("ABS(", 500) + "1" + strings.Repeat(")", 500),
	} {
		_, err := parse(src)
		require.ErrorIs(t, err, sqlparse.ErrTooDeep, name)
	}
	_, err := parse(strings.Repeat("(", 150) + "1" + strings.Repeat(")", 150))
	require.NoError(t, err, "nesting within the limit parses")
}

func TestParseExprCastTypesComeFromTheGrammar(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]string{
		"CAST(X AS NUMBER(38,2))":         "NUMBER(38,2)",
		"CAST(X AS varchar)":              "VARCHAR",
		"TRY_CAST(X AS DOUBLE PRECISION)": "DOUBLE PRECISION",
		"CAST(X AS DATE)":                 "DATE",
	} {
		n, err := parse(src)
		require.NoError(t, err, src)
		require.Equal(t, want, n.(sqlparse.Cast).Type.String(), src)
	}
	for _, src := range []string{
		`CAST(X AS 'INT); DROP TABLE t; --')`,
		`CAST(X AS "INT); DROP TABLE t; --")`,
		`CAST(X AS INT; DROP)`,
		`CAST(X AS NOTATYPE)`,
		`CAST(X AS NUMBER(39,2))`,
		`CAST(X AS NUMBER(10,20))`,
		`CAST(X AS NUMBER(1,2,3))`,
		`CAST(X AS NUMBER('a'))`,
		`CAST(X AS DATE(1))`,
		`CAST(X AS)`,
	} {
		_, err := parse(src)
		require.Error(t, err, src)
	}
	require.Equal(t, "DECIMAL(38,2)", sqlparse.Type{Name: "NUMBER", Params: []int{38, 2}}.Render(dialect.DuckDB))
	require.Equal(t, "NUMBER(38,2)", sqlparse.Type{Name: "NUMBER", Params: []int{38, 2}}.Render(dialect.Snowflake))
}

func TestParseExprFunctionsFromTheAllowList(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"SUM(X)", "COALESCE(X, 0)", "REPLACE(X, 'a', 'b')", "IFF(X, 1, 0)"} {
		_, err := parse(src)
		require.NoError(t, err, src)
	}
	for _, src := range []string{"READ_TEXT('/etc/passwd')", "SYSTEM$WAIT(1)", "RESULT_SCAN('x')", "NEXTVAL('s')", `"SUM"(X)`, "MY_UDF(X)",
		"LPAD(X, 2000000000, 'y')", "RPAD(X, 2000000000, 'y')", "REPEAT(X, 2000000000)"} {
		_, err := parse(src)
		require.Error(t, err, src)
	}
	n, err := sqlparse.ParseExpr("MY_UDF(X)", sqlparse.Options{Dialect: dialect.Snowflake, Functions: func(name string) bool { return name == "MY_UDF" }})
	require.NoError(t, err, "an explicit allow-list extends the dialect's")
	require.Equal(t, "MY_UDF", n.(sqlparse.Call).Name)
	require.True(t, sqlparse.Allowed(dialect.DuckDB, "list"))
	require.False(t, sqlparse.Allowed(dialect.Snowflake, "list"))
}

func TestParseExprLiterals(t *testing.T) {
	t.Parallel()
	n, err := parse(`'a\\b''c'`)
	require.NoError(t, err)
	require.Equal(t, sqlparse.Lit{Kind: sqlparse.LitString, Value: `a\b'c`}, n, "a model is Snowflake SQL: backslash escapes")
	require.Equal(t, `'a\b''c'`, sqlparse.QuoteString(dialect.DuckDB, `a\b'c`))
	require.Equal(t, `'a\\b''c'`, sqlparse.QuoteString(dialect.Snowflake, `a\b'c`))
	_, err = parse("1_000")
	require.Error(t, err, "a number is pasted as written, so only plain notation")
}

func ExampleLex() {
	for _, d := range []dialect.Dialect{dialect.DuckDB, dialect.Snowflake} {
		toks, err := sqlparse.Lex(`SELECT '\'; DROP TABLE t; --'`, sqlparse.Options{Dialect: d})
		if err != nil {
			panic(err)
		}
		n := 0
		for _, t := range toks {
			if t.Is(";") {
				n++
			}
		}
		fmt.Printf("%s: %d tokens, %d statement separators\n", d, len(toks), n)
	}
	// Output:
	// duckdb: 7 tokens, 2 statement separators
	// snowflake: 2 tokens, 0 statement separators
}
