package query_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// skeleton returns the tokens of sql outside every parenthesis, in the dialect's
// reading, or fails if the dialect's lexer cannot read sql or finds a statement
// separator anywhere.
func skeleton(t testing.TB, sql string, d dialect.Dialect) []string {
	t.Helper()
	toks, err := sqlparse.Lex(sql, sqlparse.Options{Dialect: d, MaxBytes: 1 << 22, MaxDepth: 1 << 10})
	if err != nil {
		t.Fatalf("%s cannot read the compiled SQL: %v\n%s", d, err, sql)
	}
	var out []string
	depth := 0
	for _, tok := range toks {
		switch {
		case tok.Is(";"):
			t.Fatalf("%s: the compiled SQL holds a statement separator:\n%s", d, sql)
		case tok.Is("("):
			depth++
		case tok.Is(")"):
			depth--
		case depth == 0:
			out = append(out, tok.Text)
		}
	}
	return out
}

var fuzzRequest = query.Request{Metrics: []string{"average_discount", "revenue"}, Dimensions: []string{"region"}, Filters: []string{"completed"}}

// FuzzModelCompile puts an arbitrary expression in one fact of the sales model.
// Whenever the model validates and compiles, the SQL is one statement, every
// engine reads it, and outside the parentheses that hold the fact it is exactly
// the statement the unchanged model gives: a model cannot change a statement's
// structure.
func FuzzModelCompile(f *testing.F) {
	for _, seed := range []string{
		"DISCOUNT_PCT", "CAST(DISCOUNT_PCT AS NUMBER(38,4))", "CASE WHEN STATUS = 'a\\\\' THEN 1 ELSE 0 END",
		`CAST(DISCOUNT_PCT AS 'INT); DROP TABLE x; --')`, `CAST(DISCOUNT_PCT AS "INT); DROP TABLE x; --")`,
		"COALESCE(DISCOUNT_PCT, 0) + 1.5", "'it''s' || STATUS", "$$x$$ || STATUS", "NULLIF(QUANTITY, 0) / 2",
		"IFF(IS_DISCOUNTED, 1, 0)", "read_text('/etc/passwd')", "TRY_CAST(STATUS AS VARCHAR(10))",
		"DISCOUNT_PCT /* ; */ * 2", "DISCOUNT_PCT -- x", "\"DROP\"", "ROUND(DISCOUNT_PCT, 2)",
		"CASE STATUS WHEN 'x' THEN 1 END", "DISCOUNT_PCT BETWEEN 0 AND 1", "STATUS IN ('a', 'b\\\\')",
	} {
		f.Add(seed)
	}
	base := string(semantic.SalesModelYAML())
	const anchor = "expr: DISCOUNT_PCT"
	if !strings.Contains(base, anchor) {
		f.Fatal("the sales model has no DISCOUNT_PCT fact")
	}
	want := map[dialect.Dialect][]string{}
	for _, d := range dialect.All() {
		c, err := query.New(semantic.SalesModel(), query.Options{Dialect: d})
		if err != nil {
			f.Fatal(err)
		}
		q, err := c.Compile(fuzzRequest)
		if err != nil {
			f.Fatal(err)
		}
		want[d] = skeleton(f, q.SQL, d)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		quoted, _ := json.Marshal(expr) // a YAML double-quoted scalar
		m, err := semantic.Parse("fuzz.yaml", []byte(strings.Replace(base, anchor, "expr: "+string(quoted), 1)))
		if err != nil {
			return
		}
		for _, d := range dialect.All() {
			c, err := query.New(m, query.Options{Dialect: d})
			if err != nil {
				continue
			}
			q, err := c.Compile(fuzzRequest)
			if err != nil {
				continue
			}
			if got := skeleton(t, q.SQL, d); strings.Join(got, " ") != strings.Join(want[d], " ") {
				t.Fatalf("%s: expr %q changed the statement outside its parentheses:\n%s", d, expr, q.SQL)
			}
			if strings.Count(q.SQL, "?") < len(q.Args) {
				t.Fatalf("%s: fewer placeholders than arguments:\n%s", d, q.SQL)
			}
		}
	})
}
