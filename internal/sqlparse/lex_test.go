package sqlparse_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// texts renders tokens as kind:text, strings quoted, for compact expectations.
func texts(toks []sqlparse.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		switch t.Kind {
		case sqlparse.String:
			parts[i] = "s<" + t.Text + ">"
		case sqlparse.Param:
			parts[i] = "p<" + t.Text + ">"
		default:
			parts[i] = t.Text
		}
	}
	return strings.Join(parts, " ")
}

func lex(tb testing.TB, d dialect.Dialect, src string) string {
	tb.Helper()
	toks, err := sqlparse.Lex(src, sqlparse.Options{Dialect: d})
	require.NoError(tb, err, "%s: %q", d, src)
	return texts(toks)
}

func TestLexReadsSQLAsEachEngineDoes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, duckdb, snowflake string // "" expects an error
	}{
		{"backslash in a string", `SELECT '\'; X --'`, `SELECT s<\> ; X`, `SELECT s<'; X --> `},
		{"doubled quote", `SELECT 'it''s'`, `SELECT s<it's>`, `SELECT s<it's>`},
		{"E string", `SELECT E'\''`, `SELECT s<'>`, `SELECT E s<'>`},
		{"nested comment", "SELECT 1 /* a /* b */ c */ , 2", "SELECT 1 , 2", "SELECT 1 C * / , 2"},
		{"dollar string", "SELECT $$a;'b$$", "SELECT s<a;'b>", "SELECT s<a;'b>"},
		{"tagged dollar string", "SELECT $q$a$$;'$q$", "SELECT s<a$$;'>", ""},
		{"-- ends at CR on DuckDB", "SELECT 1 --x\r, 2", "SELECT 1 , 2", ""},
		{"-- ends at CRLF", "SELECT 1 --x\r\n, 2", "SELECT 1 , 2", "SELECT 1 , 2"},
		{"// comment on Snowflake", "SELECT 7 // 2\n, 3", "SELECT 7 / / 2 , 3", "SELECT 7 , 3"},
		{"flow operator", "SELECT 1 ->> SELECT 2", "SELECT 1 - > > SELECT 2", "SELECT 1 ->> SELECT 2"},
		{"identifiers", `SELECT a$b, "Mixed ""q""", SYSTEM$WAIT`, `SELECT A$B , Mixed "q" , SYSTEM$WAIT`, `SELECT A$B , Mixed "q" , SYSTEM$WAIT`},
		{"parameters", "SELECT ?, $1", "SELECT p<?> , p<$1>", "SELECT p<?> , p<$1>"},
		{"numbers", "SELECT 1.5e3, .5, 1_000", "SELECT 1.5e3 , .5 , 1_000", "SELECT 1.5e3 , .5 , 1 _000"},
		{"unclosed string", "SELECT 'x", "", ""},
		{"unclosed comment", "SELECT /* x", "", ""},
		{"unclosed nested comment", "SELECT /* /* */", "", "SELECT"},
		{"unbalanced", "SELECT (1", "", ""},
		{"mismatched", "SELECT (1]", "", ""},
		{"NUL", "SELECT 1\x00", "", ""},
		{"unicode escape string", `SELECT U&'d'`, "", `SELECT U & s<d>`},
		{"non-ASCII identifier", "SELECT größe", "SELECT GRÖßE", ""},
	} {
		for _, d := range dialect.All() {
			want := tc.duckdb
			if d == dialect.Snowflake {
				want = tc.snowflake
			}
			toks, err := sqlparse.Lex(tc.src, sqlparse.Options{Dialect: d})
			if want == "" {
				require.Error(t, err, "%s %s: %q", tc.name, d, tc.src)
				continue
			}
			require.NoError(t, err, "%s %s: %q", tc.name, d, tc.src)
			require.Equal(t, strings.TrimSpace(want), texts(toks), "%s %s", tc.name, d)
		}
	}
}

func TestLexLimits(t *testing.T) {
	t.Parallel()
	for _, d := range dialect.All() {
		_, err := sqlparse.Lex(strings.Repeat("(", 1_000_000)+"1"+strings.Repeat(")", 1_000_000), sqlparse.Options{Dialect: d, MaxBytes: 4 << 20})
		require.ErrorIs(t, err, sqlparse.ErrTooDeep)
		_, err = sqlparse.Lex("SELECT 1 "+strings.Repeat(" ", sqlparse.DefaultMaxBytes), sqlparse.Options{Dialect: d})
		require.ErrorIs(t, err, sqlparse.ErrTooLarge)
		_, err = sqlparse.Lex("SELECT 1 "+strings.Repeat("/*", 300)+strings.Repeat("*/", 300), sqlparse.Options{Dialect: dialect.DuckDB})
		require.ErrorIs(t, err, sqlparse.ErrTooDeep, "nested comments count towards the depth")
	}
	_, err := sqlparse.Lex("SELECT 1", sqlparse.Options{})
	require.ErrorContains(t, err, "valid: snowflake, duckdb")
}

func TestQuoteStringRoundTrips(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "it's", `a\`, `\'`, `\\'; DROP TABLE t; --`, "$$", "line\nbreak", "tab\t", `"`} {
		for _, d := range dialect.All() {
			toks, err := sqlparse.Lex(sqlparse.QuoteString(d, s), sqlparse.Options{Dialect: d})
			require.NoError(t, err, "%s %q", d, s)
			require.Len(t, toks, 1, "%s %q", d, s)
			require.Equal(t, sqlparse.String, toks[0].Kind)
			require.Equal(t, s, toks[0].Text, "%s reads back what was quoted", d)
		}
	}
}

// BenchmarkLexBlockComments lexes 200 KB of block comments; the lexer it replaced
// took about a minute (quadratic), this one is linear.
func BenchmarkLexBlockComments(b *testing.B) {
	src := "SELECT 1 " + strings.Repeat("/**/", 50_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := sqlparse.Lex(src, sqlparse.Options{Dialect: dialect.DuckDB}); err != nil {
			b.Fatal(err)
		}
	}
}
