package snowfake

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTranslate(t *testing.T) {
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
		require.Equal(t, c.want, translate(c.in), c.in)
	}
}

func TestExactDivisionRewrite(t *testing.T) {
	in := `SELECT CAST(ROUND(SUM(f."NET_AMOUNT") / NULLIF(COUNT(*), 0), 2) AS NUMBER(38,2)), ROUND(x, 2), ROUND(a / b, 1)`
	out := exactDivision(in)
	require.NotContains(t, out, "ROUND(SUM", "the ROUND(a / NULLIF(b, 0), s) pattern is rewritten")
	require.Contains(t, out, `CAST((SUM(f."NET_AMOUNT")) * 10000 AS HUGEINT)`)
	require.Contains(t, out, "ROUND(x, 2)", "other ROUND calls stay")
	require.Contains(t, out, "ROUND(a / b, 1)", "a division without NULLIF stays")

	nested := `ROUND(ROUND(a / NULLIF(b, 0), 2) / NULLIF(c, 0), 4)`
	require.NotContains(t, exactDivision(nested), "NULLIF(b, 0), 2)")
	require.Equal(t, "ROUND(unbalanced", exactDivision("ROUND(unbalanced"))

	quoted := `SELECT 'ROUND(x / NULLIF(y, 0), 2)', ROUND(a / NULLIF(b, 0), 2)`
	out = exactDivision(quoted)
	require.Contains(t, out, `'ROUND(x / NULLIF(y, 0), 2)'`, "text in quotes stays")
	require.NotContains(t, out, "ROUND(a /", "a call after a quoted one is still rewritten")
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
