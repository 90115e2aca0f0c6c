package query_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// modelWith returns the sales model YAML with the fact DISCOUNT_PCT's expr
// replaced by expr: a hostile model author's one line.
func modelWith(tb testing.TB, expr string) []byte {
	tb.Helper()
	y := string(semantic.SalesModelYAML())
	require.Contains(tb, y, "expr: DISCOUNT_PCT")
	return []byte(strings.Replace(y, "expr: DISCOUNT_PCT", "expr: "+expr, 1))
}

// A model that validates must never change the statement's structure: a CAST
// type comes from a type grammar, never pasted raw.
func TestModelCannotInjectThroughCastType(t *testing.T) {
	t.Parallel()
	for _, expr := range []string{
		`"CAST(DISCOUNT_PCT AS 'INT); DROP TABLE \"MARTS\".\"FCT_ORDERS\"; --')"`,
		`"CAST(DISCOUNT_PCT AS \"INT); DROP TABLE x; --\")"`,
	} {
		m, err := semantic.Parse("hostile.yaml", modelWith(t, expr))
		if err != nil {
			continue // refused by validation: fine
		}
		for _, d := range dialect.All() {
			_, err := query.New(m, query.Options{Dialect: d})
			require.Error(t, err, "%s: a CAST to a string or quoted type must be refused", d)
		}
	}
}

// A string literal in a model renders so that each engine reads the same value:
// on Snowflake a backslash escapes, so it must be doubled.
func TestModelLiteralWithBackslashRendersPerDialect(t *testing.T) {
	t.Parallel()
	m, err := semantic.Parse("m.yaml", modelWith(t, `"CASE WHEN STATUS = 'a\\\\' THEN 1 ELSE 0 END"`))
	require.NoError(t, err)
	c, err := query.New(m, query.Options{Dialect: dialect.Snowflake})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"average_discount"}})
	require.NoError(t, err)
	require.NotContains(t, q.SQL, `'a\'`, "a lone backslash before the closing quote escapes it on Snowflake")
}

func TestCompileRefusesDeepFilterTrees(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.DuckDB)
	var f query.Filter = query.Eq("region", "West")
	for range 100_000 {
		f = query.Not(f)
	}
	_, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Where: f})
	require.ErrorIs(t, err, query.ErrInvalidRequest)
}

func TestCompileRefusesDatesOutsideTheEnginesRange(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.DuckDB)
	for _, r := range []query.DateRange{
		query.Dates(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC)),
		query.Dates(time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)),
	} {
		_, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: r}})
		require.ErrorIs(t, err, query.ErrInvalidRequest, "%v", r)
	}
	_, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Where: query.Gt("order_date", time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC))})
	require.ErrorIs(t, err, query.ErrInvalidRequest)
}

// A model expression nested a million parentheses deep is refused with an
// error; it used to overflow the stack and crash the process.
func TestModelRefusesDeepNesting(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("(", 1_000_000) + "DISCOUNT_PCT" + strings.Repeat(")", 1_000_000)
	_, err := semantic.Parse("deep.yaml", modelWith(t, deep))
	require.Error(t, err)
	deepish := strings.Repeat("(", 300) + "DISCOUNT_PCT" + strings.Repeat(")", 300)
	_, err = semantic.Parse("deepish.yaml", modelWith(t, deepish))
	require.ErrorContains(t, err, "nested too deeply")
}

// A model cannot reach an engine's file or side-effecting functions; an
// explicit allow-list is the only way to call a function beyond the dialect's.
func TestModelFunctionsComeFromTheAllowList(t *testing.T) {
	t.Parallel()
	for _, expr := range []string{`"LENGTH(READ_TEXT('/etc/passwd'))"`, `"NEXTVAL('s')"`, `"SYSTEM$WAIT(1)"`, `"MY_UDF(DISCOUNT_PCT)"`} {
		m, err := semantic.Parse("m.yaml", modelWith(t, expr))
		require.NoError(t, err, expr)
		for _, d := range dialect.All() {
			_, err := query.New(m, query.Options{Dialect: d})
			require.ErrorContains(t, err, "is not allowed", "%s %s", d, expr)
		}
	}
	m, err := semantic.Parse("m.yaml", modelWith(t, `"MY_UDF(DISCOUNT_PCT)"`))
	require.NoError(t, err)
	_, err = query.New(m, query.Options{Dialect: dialect.Snowflake, AllowFunctions: []string{"my_udf"}})
	require.NoError(t, err)
}
