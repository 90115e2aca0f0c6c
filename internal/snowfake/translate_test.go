package snowfake

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTranslate(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{`CAST(x AS NUMBER(38,2))`, `CAST(x AS DECIMAL(38,2))`},
		{`CAST(x AS NUMBER(10))`, `CAST(x AS DECIMAL(10,0))`},
		{`CAST(x AS NUMBER)`, `CAST(x AS DECIMAL(38,0))`},
		{`"TS" TIMESTAMP_NTZ NOT NULL`, `"TS" TIMESTAMP_NS NOT NULL`},
		{`a TIMESTAMP_LTZ, b TIMESTAMP_TZ, c VARIANT`, `a TIMESTAMPTZ, b TIMESTAMPTZ, c JSON`},
		{`DATEADD('day', -6, d)`, `sf_dateadd('day', -6, d)`},
		{`"NUMBERS"`, `"NUMBERS"`},
	}
	for _, c := range cases {
		got, err := translate(c.in)
		require.NoError(t, err)
		require.Equal(t, c.want, got, c.in)
	}
}

// Every division becomes sf_div of exactly its two operands, as Snowflake's
// precedence groups them; nothing else changes.
func TestDivisionRespectsPrecedence(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{`SELECT 10 - 4 / 2`, `SELECT 10 - sf_div(4, 2)`},
		{`ROUND(x - y / NULLIF(z, 0), 2)`, `ROUND(x - sf_div(y, NULLIF(z, 0)), 2)`},
		{`b."REVENUE" - LAG(b."REVENUE") OVER (PARTITION BY b."REGION" ORDER BY b."MONTH") / NULLIF(LAG(b."REVENUE") OVER (PARTITION BY b."REGION" ORDER BY b."MONTH"), 0)`,
			`b."REVENUE" - sf_div(LAG(b."REVENUE") OVER (PARTITION BY b."REGION" ORDER BY b."MONTH"), NULLIF(LAG(b."REVENUE") OVER (PARTITION BY b."REGION" ORDER BY b."MONTH"), 0))`},
		{`a * b / c`, `sf_div(a * b, c)`},
		{`a / b * c`, `sf_div(a, b) * c`},
		{`a / b / c`, `sf_div(sf_div(a, b), c)`},
		{`-a / -b`, `sf_div(-a, -b)`},
		{`(a - b) / c`, `sf_div((a - b), c)`},
		{`x::NUMBER(38,2) / 3`, `sf_div(x::NUMBER(38,2), 3)`},
		{`CASE WHEN p THEN a / b ELSE c END / d`, `sf_div(CASE WHEN p THEN sf_div(a, b) ELSE c END, d)`},
		{`SUM(f."X") OVER w / COUNT(*) OVER (ORDER BY d)`, `sf_div(SUM(f."X") OVER w, COUNT(*) OVER (ORDER BY d))`},
		{`a % b / c + d`, `sf_div(a % b, c) + d`},
		{`SELECT '1/2', "a/b" /* x / y */ -- p / q` + "\n", `SELECT '1/2', "a/b" /* x / y */ -- p / q` + "\n"},
		{`SELECT t.* FROM t WHERE a / ? > 1`, `SELECT t.* FROM t WHERE sf_div(a, ?) > 1`},
		{`DATE '2024-01-02' - d / 2`, `DATE '2024-01-02' - sf_div(d, 2)`},
	}
	for _, c := range cases {
		got, err := exactDivision(c.in)
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got, c.in)
	}
	for _, bad := range []string{`SELECT (1 / 2`, `SELECT 1 / 2)`, `SELECT 'x / y`, `CASE WHEN a / b THEN 1`,
		`SELECT ` + strings.Repeat("(", maxDepth+2) + "1 / 2" + strings.Repeat(")", maxDepth+2)} {
		_, err := exactDivision(bad)
		require.Error(t, err, bad)
	}
}

func TestStatementCount(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{
		`SELECT 1`: 1, `SELECT 1;`: 1, `SELECT 1; SELECT 2`: 2, `SELECT ';'`: 1, `SELECT 1 -- ; x` + "\n": 1,
		`SELECT 1 /* ; */; ;`: 1, ``: 0,
	} {
		got, err := statementCount(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
}

func TestEncode(t *testing.T) {
	str := func(p *string) string {
		if p == nil {
			return "<null>"
		}
		return *p
	}
	cases := []struct {
		col  column
		v    any
		want string
	}{
		{column{Type: "fixed", Scale: 2}, "1.5", "1.50"},
		{column{Type: "fixed", Scale: 2}, int64(-3), "-3.00"},
		{column{Type: "fixed"}, int64(42), "42"},
		{column{Type: "boolean"}, true, "1"},
		{column{Type: "boolean"}, false, "0"},
		{column{Type: "date"}, time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), "19737"},
		{column{Type: "date"}, time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), "-1"},
		{column{Type: "timestamp_ntz"}, time.Date(2024, 1, 15, 10, 30, 45, 123456789, time.UTC), "1705314645.123456789"},
		{column{Type: "timestamp_ntz"}, time.Unix(-2, 500_000_000), "-2.500000000"},
		{column{Type: "real"}, 0.25, "0.25"},
		{column{Type: "text"}, "x", "x"},
		{column{Type: "text"}, nil, "<null>"},
	}
	for _, c := range cases {
		got, err := encode(c.col, c.v)
		require.NoError(t, err, "%v", c.v)
		require.Equal(t, c.want, str(got), "%s %v", c.col.Type, c.v)
	}
	_, err := encode(column{Type: "fixed", Scale: 2}, 1.5)
	require.Error(t, err, "a float on a NUMBER column is refused, never rounded")
}

func TestBindArgs(t *testing.T) {
	s := func(v string) *string { return &v }
	args, err := bindArgs(map[string]binding{
		"1": {Type: "TEXT", Value: s("a")},
		"2": {Type: "FIXED", Value: s("7")},
		"3": {Type: "FIXED", Value: s("12.50")},
		"4": {Type: "BOOLEAN", Value: s("true")},
		"5": {Type: "TIMESTAMP_NTZ", Value: s("1705314645123456789")},
		"6": {Type: "DATE", Value: s("1705276800000")},
		"7": {Type: "TEXT"},
	})
	require.NoError(t, err)
	require.Equal(t, []any{"a", int64(7), "12.50", true,
		time.Date(2024, 1, 15, 10, 30, 45, 123456789, time.UTC), time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), nil}, args)

	_, err = bindArgs(map[string]binding{"2": {Type: "TEXT", Value: s("a")}})
	require.ErrorContains(t, err, "position")
	_, err = bindArgs(map[string]binding{"1": {Type: "BINARY", Value: s("00")}})
	require.ErrorContains(t, err, "BINARY")
}

func TestEngineFailureCodes(t *testing.T) {
	for msg, code := range map[string]string{
		"Catalog Error: Table with name X does not exist!": "002003",
		"Parser Error: syntax error at or near \"FORM\"":   "001003",
		"Binder Error: column Y not found":                 "000904",
		"Constraint Error: NOT NULL constraint failed":     "100072",
		"Conversion Error: could not convert":              "100035",
	} {
		f := engineFailure(errors.New(msg))
		require.Equal(t, false, f["success"], msg)
		require.Equal(t, code, f["code"], msg)
	}
}
