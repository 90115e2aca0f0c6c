package dialect_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
)

func TestParseNamesTheValidDialects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"snowflake", " Snowflake ", "DUCKDB"} {
		d, err := dialect.Parse(in)
		require.NoError(t, err)
		require.True(t, d.Valid())
	}
	_, err := dialect.Parse("oracle")
	require.EqualError(t, err, `dialect: unknown dialect "oracle" (valid: snowflake, duckdb)`)
	require.False(t, dialect.Dialect("").Valid())
}

func TestQuoteNeverLetsAnIdentifierEscape(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"FCT_ORDERS":           `"FCT_ORDERS"`,
		`a"b`:                  `"a""b"`,
		`x"; DROP TABLE t; --`: `"x""; DROP TABLE t; --"`,
		"nul\x00byte":          `"nulbyte"`,
		"":                     `""`,
	} {
		for _, d := range dialect.All() {
			require.Equal(t, want, d.Quote(in), "%s %q", d, in)
		}
	}
}

func TestReferencesAndTypes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		d                         dialect.Dialect
		table, schema             string
		integer, money, timestamp string
	}{
		{dialect.Snowflake, `"DB"."MARTS"."FCT_ORDERS"`, `"DB"."MARTS"`, "NUMBER(38,0)", "NUMBER(38,2)", "TIMESTAMP_NTZ"},
		{dialect.DuckDB, `"MARTS"."FCT_ORDERS"`, `"MARTS"`, "BIGINT", "DECIMAL(38,2)", "TIMESTAMP"},
	} {
		require.Equal(t, tc.table, tc.d.Table("DB", "MARTS", "FCT_ORDERS"))
		require.Equal(t, tc.schema, tc.d.Schema("DB", "MARTS"))
		require.Equal(t, tc.integer, tc.d.TypeName(dialect.Int()))
		require.Equal(t, tc.money, tc.d.TypeName(dialect.Money()))
		require.Equal(t, tc.timestamp, tc.d.TypeName(dialect.Timestamp()))
		require.Equal(t, "CAST(x AS "+tc.money+")", tc.d.Cast("x", dialect.Money()))
	}
	require.Equal(t, `"MARTS"."T"`, dialect.Snowflake.Table("", "MARTS", "T"), "no database: schema-qualified")
	require.Equal(t, "decimal(38,2)", dialect.Money().String())
}

func TestDateTruncReturnsADateOnBothEngines(t *testing.T) {
	t.Parallel()
	require.Equal(t, "d", dialect.DuckDB.DateTrunc(dialect.Day, "d"), "a day is already a day")
	require.Equal(t, "CAST(DATE_TRUNC('month', d) AS DATE)", dialect.DuckDB.DateTrunc(dialect.Month, "d"))
	require.Equal(t, "DATE_TRUNC('week', d)", dialect.Snowflake.DateTrunc(dialect.Week, "d"))
	for _, g := range dialect.Grains() {
		require.True(t, g.Valid())
	}
	require.False(t, dialect.Grain("fortnight").Valid())
}

func TestFeatures(t *testing.T) {
	t.Parallel()
	require.True(t, dialect.Snowflake.DynamicTables())
	require.True(t, dialect.Snowflake.Accounts())
	require.False(t, dialect.DuckDB.DynamicTables())
	require.False(t, dialect.DuckDB.Accounts())
}

func ExampleDialect_Table() {
	for _, d := range dialect.All() {
		fmt.Println(d, d.Table("SALES_ANALYTICS_DB", "MARTS", "FCT_ORDERS"), d.TypeName(dialect.Money()))
	}
	// Output:
	// snowflake "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" NUMBER(38,2)
	// duckdb "MARTS"."FCT_ORDERS" DECIMAL(38,2)
}
