package semantic_test

// An independent reading of Snowflake's CREATE SEMANTIC VIEW grammar (reference
// semantic-views-ossie.md §c.1, docs.snowflake.com …/create-semantic-view),
// written from the documentation and not from the renderer or the parser: its
// own tokenizer and a small recursive-descent recogniser. It checks that
//
//   - the statement is CREATE [OR REPLACE] SEMANTIC VIEW [IF NOT EXISTS] <name>;
//   - the clauses come in the documented order, each at most once: TABLES,
//     RELATIONSHIPS, VARIABLES, FACTS, DIMENSIONS, METRICS, COMMENT =,
//     MAX_STALENESS =, AI_SQL_GENERATION, AI_QUESTION_CATEGORIZATION,
//     AI_VERIFIED_QUERIES, [WITH] TAG, COPY GRANTS; TABLES is present and so is
//     DIMENSIONS or METRICS. The one clause not in the documented grammar, WITH
//     EXTENSION (CA = '…') as Snowflake's dbt package writes it, is accepted only
//     after TAG and before COPY GRANTS;
//   - every entry has the documented shape with its options in the documented
//     order: logicalTable, relationshipDef, variableDef, factExpression,
//     dimensionExpression (PUBLIC only, CORTEX SEARCH last), metricExpression
//     (alias optional, USING before NON ADDITIVE BY before AS) and verifiedQuery
//     (QUESTION, VERIFIED_AT, ONBOARDING_QUESTION, VERIFIED_BY, SQL in order);
//   - names are bare identifiers or double-quoted ones, texts are well-formed
//     single-quoted literals, expressions have balanced parentheses, and the
//     statement ends with one semicolon.

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/semantic"
)

type gTok struct {
	kind byte // w word, q quoted name, s string, n number, p punctuation
	text string
}

func gTokenize(src string) ([]gTok, error) {
	var out []gTok
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "--"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("unclosed comment")
			}
			i += end + 4
		case c == '\'':
			j := i + 1
			for ; ; j++ {
				if j >= len(src) {
					return nil, fmt.Errorf("unclosed string at %d", i)
				}
				if src[j] == '\\' {
					j++
					continue
				}
				if src[j] == '\'' {
					if j+1 < len(src) && src[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			out = append(out, gTok{'s', src[i : j+1]})
			i = j + 1
		case c == '"':
			j := i + 1
			for ; ; j++ {
				if j >= len(src) {
					return nil, fmt.Errorf("unclosed quoted name at %d", i)
				}
				if src[j] == '"' {
					if j+1 < len(src) && src[j+1] == '"' {
						j++
						continue
					}
					break
				}
			}
			out = append(out, gTok{'q', src[i : j+1]})
			i = j + 1
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '$' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			out = append(out, gTok{'w', src[i:j]})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			out = append(out, gTok{'n', src[i:j]})
			i = j
		default:
			out = append(out, gTok{'p', src[i : i+1]})
			i++
		}
	}
	return out, nil
}

// grammar is the recogniser; it panics with a gErr on the first mismatch.
type grammar struct {
	t []gTok
	i int
}

type gErr string

func (g *grammar) fail(format string, args ...any) {
	near := "end"
	if g.i < len(g.t) {
		near = g.t[g.i].text
	}
	panic(gErr(fmt.Sprintf(format, args...) + " near " + near))
}

func (g *grammar) peekWord(words ...string) bool {
	for k, w := range words {
		if g.i+k >= len(g.t) || g.t[g.i+k].kind != 'w' || !strings.EqualFold(g.t[g.i+k].text, w) {
			return false
		}
	}
	return true
}

func (g *grammar) accept(words ...string) bool {
	if g.peekWord(words...) {
		g.i += len(words)
		return true
	}
	return false
}

func (g *grammar) expect(words ...string) {
	if !g.accept(words...) {
		g.fail("expected %s", strings.Join(words, " "))
	}
}

func (g *grammar) peekP(p string) bool {
	return g.i < len(g.t) && g.t[g.i].kind == 'p' && g.t[g.i].text == p
}

func (g *grammar) acceptP(p string) bool {
	if g.peekP(p) {
		g.i++
		return true
	}
	return false
}

func (g *grammar) expectP(p string) {
	if !g.acceptP(p) {
		g.fail("expected %q", p)
	}
}

func (g *grammar) kind(k byte, what string) string {
	if g.i >= len(g.t) || g.t[g.i].kind != k {
		g.fail("expected %s", what)
	}
	g.i++
	return g.t[g.i-1].text
}

func (g *grammar) name() {
	if g.i < len(g.t) && (g.t[g.i].kind == 'w' || g.t[g.i].kind == 'q') {
		g.i++
		return
	}
	g.fail("expected a name")
}

func (g *grammar) dotted() int {
	n := 1
	g.name()
	for g.acceptP(".") {
		g.name()
		n++
	}
	return n
}

// list reads ( item [, item …] ).
func (g *grammar) list(item func()) {
	g.expectP("(")
	item()
	for g.acceptP(",") {
		item()
	}
	g.expectP(")")
}

func (g *grammar) stringList() { g.acceptP("="); g.list(func() { g.kind('s', "a string") }) }
func (g *grammar) nameList()   { g.list(g.name) }

// expr skips a SQL expression up to a documented option keyword or the end of
// the entry, checking its parentheses balance.
func (g *grammar) expr() {
	start, depth := g.i, 0
	for g.i < len(g.t) {
		if depth == 0 && (g.peekP(",") || g.peekP(")") || g.peekWord("WITH", "SYNONYMS") || g.peekWord("WITH", "TAG") ||
			g.peekWord("WITH", "CORTEX") || g.peekWord("COMMENT") && g.i+1 < len(g.t) && g.t[g.i+1].text == "=" ||
			g.peekWord("TAG") && g.i+1 < len(g.t) && g.t[g.i+1].text == "(") {
			break
		}
		if depth == 0 && (g.peekWord("NON", "ADDITIVE") || g.peekWord("LABELS")) {
			g.fail("NON ADDITIVE BY and LABELS belong before AS")
		}
		if g.peekP("(") {
			depth++
		}
		if g.peekP(")") {
			depth--
		}
		g.i++
	}
	if g.i == start {
		g.fail("expected an expression")
	}
}

func (g *grammar) commentOpt() {
	if g.accept("COMMENT") {
		g.expectP("=")
		g.kind('s', "a comment string")
	}
}

func (g *grammar) tagOpt() {
	if g.accept("WITH", "TAG") || g.accept("TAG") {
		g.list(func() { g.dotted(); g.expectP("="); g.kind('s', "a tag value") })
	}
}

func (g *grammar) synonymsOpt() {
	if g.accept("WITH", "SYNONYMS") {
		g.stringList()
	}
}

func (g *grammar) logicalTable() {
	if g.i+1 < len(g.t) && strings.EqualFold(g.t[g.i+1].text, "AS") {
		g.name()
		g.expect("AS")
	}
	if g.peekP("(") { // a query as a logical table (yaml-vs-ddl page)
		depth := 0
		for g.i < len(g.t) {
			if g.acceptP("(") {
				depth++
			} else if g.acceptP(")") {
				if depth--; depth == 0 {
					break
				}
			} else {
				g.i++
			}
		}
	} else if n := g.dotted(); n > 3 {
		g.fail("a table name has at most three parts")
	}
	if g.accept("PRIMARY", "KEY") {
		g.nameList()
	}
	for g.accept("UNIQUE") {
		g.nameList()
	}
	g.synonymsOpt()
	g.commentOpt()
	g.tagOpt()
}

func (g *grammar) relationshipDef() {
	if g.i+1 < len(g.t) && strings.EqualFold(g.t[g.i+1].text, "AS") {
		g.name()
		g.expect("AS")
	}
	g.name()
	g.nameList()
	g.expect("REFERENCES")
	g.name()
	if g.acceptP("(") {
		if g.accept("BETWEEN") {
			g.name()
			g.expect("AND")
			g.name()
			g.expect("EXCLUSIVE")
		} else {
			g.accept("ASOF")
			g.name()
			for g.acceptP(",") {
				g.accept("ASOF")
				g.name()
			}
		}
		g.expectP(")")
	}
}

func (g *grammar) variableDef() {
	g.name()
	for g.i < len(g.t) && !g.peekWord("DEFAULT") && !g.peekP(":") && !g.peekWord("COMMENT") && !g.peekP(",") && !g.peekP(")") {
		g.i++ // the data type
	}
	if g.accept("DEFAULT") || g.acceptP(":") && g.acceptP("=") {
		for g.i < len(g.t) && !g.peekWord("COMMENT") && !g.peekP(",") && !g.peekP(")") {
			g.i++
		}
	}
	if g.accept("COMMENT") {
		g.kind('s', "a comment")
	}
}

// semanticExpr reads a fact (kind f), dimension (d) or metric (m) entry.
func (g *grammar) semanticExpr(kind byte) func() {
	return func() {
		switch {
		case g.accept("PRIVATE"):
			if kind == 'd' {
				g.fail("a dimension cannot be PRIVATE")
			}
		default:
			g.accept("PUBLIC")
		}
		if n := g.dotted(); n != 2 && !(kind == 'm' && n == 1) {
			g.fail("expected <table_alias>.<name>")
		}
		if kind != 'm' && g.accept("LABELS") {
			g.expectP("=")
			g.list(func() { g.expect("FILTER") })
		}
		if kind == 'm' && g.accept("USING") {
			g.nameList()
		}
		if kind == 'm' && g.accept("NON", "ADDITIVE", "BY") {
			g.list(func() {
				g.dotted()
				_ = g.accept("ASC") || g.accept("DESC")
				if g.accept("NULLS") && !g.accept("FIRST") && !g.accept("LAST") {
					g.fail("expected FIRST or LAST")
				}
			})
		}
		g.expect("AS")
		g.expr()
		g.synonymsOpt()
		g.tagOpt()
		g.commentOpt()
		if kind == 'd' && g.accept("WITH", "CORTEX", "SEARCH", "SERVICE") {
			g.dotted()
			if g.accept("USING") {
				g.name()
			}
		}
	}
}

func (g *grammar) verifiedQuery() {
	g.name()
	g.expect("AS")
	g.expectP("(")
	g.expect("QUESTION")
	g.kind('s', "the question")
	if g.accept("VERIFIED_AT") {
		g.kind('n', "epoch seconds")
	}
	if g.accept("ONBOARDING_QUESTION") && !g.accept("TRUE") && !g.accept("FALSE") {
		g.fail("expected a boolean")
	}
	if g.accept("VERIFIED_BY") {
		g.kind('s', "who verified")
	}
	g.expect("SQL")
	g.kind('s', "the SQL")
	g.expectP(")")
}

// statement recognises one CREATE SEMANTIC VIEW statement.
func (g *grammar) statement() {
	g.expect("CREATE")
	if g.accept("OR") {
		g.expect("REPLACE")
	}
	g.expect("SEMANTIC", "VIEW")
	g.accept("IF", "NOT", "EXISTS")
	if g.dotted() > 3 {
		g.fail("a view name has at most three parts")
	}
	g.expect("TABLES")
	g.list(g.logicalTable)
	if g.accept("RELATIONSHIPS") {
		g.list(g.relationshipDef)
	}
	if g.accept("VARIABLES") {
		g.list(g.variableDef)
	}
	if g.accept("FACTS") {
		g.list(g.semanticExpr('f'))
	}
	dims := g.accept("DIMENSIONS")
	if dims {
		g.list(g.semanticExpr('d'))
	}
	if g.accept("METRICS") {
		g.list(g.semanticExpr('m'))
	} else if !dims {
		g.fail("DIMENSIONS or METRICS is required")
	}
	g.commentOpt()
	if g.accept("MAX_STALENESS") {
		g.expectP("=")
		g.kind('n', "seconds")
	}
	if g.accept("AI_SQL_GENERATION") {
		g.kind('s', "instructions")
	}
	if g.accept("AI_QUESTION_CATEGORIZATION") {
		g.kind('s', "instructions")
	}
	if g.accept("AI_VERIFIED_QUERIES") {
		g.list(g.verifiedQuery)
	}
	g.tagOpt()
	if g.accept("WITH", "EXTENSION") {
		g.expectP("(")
		g.expect("CA")
		g.expectP("=")
		g.kind('s', "the extension's JSON")
		g.expectP(")")
	}
	g.accept("COPY", "GRANTS")
	g.expectP(";")
	if g.i != len(g.t) {
		g.fail("expected the end of the statement")
	}
}

// conforms reports why src does not follow the documented grammar, or nil.
func conforms(src string) (err error) {
	toks, err := gTokenize(src)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(gErr)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("%s", string(e))
		}
	}()
	g := &grammar{t: toks}
	g.statement()
	return nil
}

// The DDL of the sales model and of every valid fixture follows the grammar.
func TestGeneratedDDLFollowsTheDocumentedGrammar(t *testing.T) {
	t.Parallel()
	for _, file := range modelFixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			m, err := semantic.ParseFile(file)
			require.NoError(t, err)
			for _, opts := range [][]semantic.DDLOption{nil, {semantic.WithoutExtension(), semantic.WithCopyGrants()}} {
				ddl, _, err := m.SemanticViewDDL("DB.SCH.SV", opts...)
				require.NoError(t, err)
				require.NoError(t, conforms(ddl), "DDL:\n%s", ddl)
			}
		})
	}
}

// The recogniser rejects what the grammar forbids, so the test above can fail.
func TestGrammarCheckerRejectsWhatTheDocumentationForbids(t *testing.T) {
	t.Parallel()
	ok := `CREATE OR REPLACE SEMANTIC VIEW db.s.sv
  TABLES (o AS db.s.t PRIMARY KEY (id) WITH SYNONYMS = ('x') COMMENT = 'c')
  FACTS (o.f AS A + 1)
  DIMENSIONS (o.d AS D WITH SYNONYMS = ('y') COMMENT = 'd')
  METRICS (o.m AS SUM(o.f), derived AS o.m * 2)
  COMMENT = 'v'
  AI_SQL_GENERATION 'g'
  AI_VERIFIED_QUERIES (q AS (QUESTION 'q?' VERIFIED_AT 1 SQL 'SELECT 1'));`
	require.NoError(t, conforms(ok))
	for name, bad := range map[string]string{
		"FACTS after DIMENSIONS":    strings.Replace(strings.Replace(ok, "FACTS (o.f AS A + 1)\n", "", 1), "  METRICS", "  FACTS (o.f AS A + 1)\n  METRICS", 1),
		"COMMENT before METRICS":    strings.Replace(strings.Replace(ok, "  COMMENT = 'v'\n", "", 1), "  METRICS", "  COMMENT = 'v'\n  METRICS", 1),
		"AI_SQL after verified":     strings.Replace(strings.Replace(ok, "  AI_SQL_GENERATION 'g'\n", "", 1), ";", " AI_SQL_GENERATION 'g';", 1),
		"comment before synonyms":   strings.Replace(ok, "D WITH SYNONYMS = ('y') COMMENT = 'd'", "D COMMENT = 'd' WITH SYNONYMS = ('y')", 1),
		"private dimension":         strings.Replace(ok, "(o.d AS", "(PRIVATE o.d AS", 1),
		"SQL before QUESTION":       strings.Replace(ok, "QUESTION 'q?' VERIFIED_AT 1 SQL 'SELECT 1'", "SQL 'SELECT 1' QUESTION 'q?'", 1),
		"fact without table alias":  strings.Replace(ok, "(o.f AS", "(f AS", 1),
		"no semicolon":              strings.TrimSuffix(ok, ";"),
		"unclosed string":           strings.Replace(ok, "'c'", "'c", 1),
		"NON ADDITIVE after AS":     strings.Replace(ok, "o.m AS SUM(o.f)", "o.m AS SUM(o.f) NON ADDITIVE BY (o.d)", 1),
		"VERIFIED_AT after SQL":     strings.Replace(ok, "VERIFIED_AT 1 SQL 'SELECT 1'", "SQL 'SELECT 1' VERIFIED_AT 1", 1),
		"two statements":            ok + " DROP VIEW x;",
		"extension before verified": strings.Replace(ok, "  AI_SQL_GENERATION 'g'\n", "  WITH EXTENSION (CA = '{}')\n  AI_SQL_GENERATION 'g'\n", 1),
	} {
		require.Error(t, conforms(bad), name)
	}
}
