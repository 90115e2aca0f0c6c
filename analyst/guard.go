package analyst

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// ErrNotReadOnly is returned (wrapped) by [CheckReadOnly], and by [Execute] when
// the engine refuses the SQL, for SQL that is not one read-only query.
var ErrNotReadOnly = engine.ErrNotReadOnly

// MaxSQLBytes is the largest analyst SQL [CheckReadOnly] reads.
const MaxSQLBytes = sqlparse.DefaultMaxBytes

// statementWords start statements other than a query. The guard refuses them
// where a statement can start: first, or right after an opening parenthesis
// (a CTE body or subquery) when a keyword follows — so REPLACE(…), LIST(…) and
// a column named comment still pass.
var statementWords = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "UPSERT": true, "REPLACE": true,
	"CREATE": true, "ALTER": true, "DROP": true, "TRUNCATE": true, "RENAME": true, "UNDROP": true,
	"GRANT": true, "REVOKE": true, "COPY": true, "PUT": true, "GET": true, "REMOVE": true, "RM": true,
	"LIST": true, "LS": true, "CALL": true, "EXECUTE": true, "EXEC": true, "USE": true, "SET": true,
	"UNSET": true, "BEGIN": true, "COMMIT": true, "ROLLBACK": true, "ATTACH": true, "DETACH": true,
	"INSTALL": true, "LOAD": true, "FORCE": true, "EXPORT": true, "IMPORT": true, "PRAGMA": true,
	"VACUUM": true, "CHECKPOINT": true, "COMMENT": true, "SHOW": true, "DESCRIBE": true,
	"EXPLAIN": true, "PREPARE": true, "DEALLOCATE": true, "RESET": true, "ANALYZE": true,
	"START": true, "ABORT": true, "END": true, "UNLISTEN": true,
}

// CheckReadOnly is the first filter on analyst SQL: it reads sql as d's engine
// does (DuckDB: no backslash escapes in '…', nested /* */ comments, $$…$$ and
// $tag$…$tag$ strings, -- ending at \n or \r; Snowflake: backslash escapes, //
// comments, $$ strings, the ->> flow operator) and accepts exactly one SELECT (or
// WITH … SELECT) statement, with an optional trailing semicolon and comments. It
// refuses, with a reason: other statements, several statements, SELECT … INTO,
// functions and table references that read files, the network or other queries,
// or change state (see deny.go), Snowflake stage references and SYSTEM$
// functions, and on Snowflake procedures, IDENTIFIER(), qualified function
// calls, Cortex/AI functions, sequences, unbounded GENERATOR, time travel and
// other databases than [DefaultDatabase] (see checkSnowflake), and SQL beyond [MaxSQLBytes] or nested deeper than the lexer's
// limit. It is a filter, not the authority: [Execute] also has the engine vet
// and confine the statement ([ReadOnlyRunner]).
func CheckReadOnly(sql string, d dialect.Dialect) error {
	_, err := readOnlyBody(sql, d, "")
	return err
}

// readOnlyBody checks sql and returns the statement without trailing semicolons
// and comments, ready to be wrapped.
// database is, for Snowflake, the one database three-part table names may name
// ("" means DefaultDatabase).
func readOnlyBody(sql string, d dialect.Dialect, database string) (string, error) {
	toks, err := sqlparse.Lex(sql, sqlparse.Options{Dialect: d, MaxBytes: MaxSQLBytes})
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotReadOnly, err)
	}
	for len(toks) > 0 && toks[len(toks)-1].Is(";") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return "", fmt.Errorf("%w: no statement", ErrNotReadOnly)
	}
	first := toks[0]
	for i := 1; i < len(toks) && first.Is("("); i++ {
		first = toks[i] // (SELECT …) UNION (SELECT …)
	}
	if !first.Is("SELECT") && !first.Is("WITH") {
		return "", fmt.Errorf("%w: it starts with %q; only SELECT or WITH … SELECT may run", ErrNotReadOnly, first.Text)
	}
	if err := checkTokens(toks, d); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotReadOnly, err)
	}
	if d == dialect.Snowflake {
		if err := checkSnowflake(toks, database); err != nil {
			return "", fmt.Errorf("%w: %v", ErrNotReadOnly, err)
		}
	}
	return sql[:toks[len(toks)-1].End], nil
}

// checkTokens applies the guard's rules to a statement's tokens.
func checkTokens(toks []sqlparse.Token, d dialect.Dialect) error {
	from := newFromTracker()
	for i, t := range toks {
		var prev, next sqlparse.Token
		if i > 0 {
			prev = toks[i-1]
		}
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		keyword := t.Kind == sqlparse.Ident && !t.Quoted
		switch {
		case t.Is(";"):
			return errors.New("it holds more than one statement")
		case t.Is("->>") && d == dialect.Snowflake:
			return errors.New("it uses the ->> flow operator, which runs further statements")
		case t.Is("@") && d == dialect.Snowflake:
			return errors.New("it references a stage (@…)")
		case keyword && t.Text == "INTO":
			return errors.New("it uses INTO")
		case keyword && statementWords[t.Text] && prev.Is("(") && !next.Is("(") && (next.Kind == sqlparse.Ident || next.Text == ""):
			return fmt.Errorf("it runs %s inside a query", t.Text)
		case t.Kind == sqlparse.Ident && d == dialect.Snowflake && strings.Contains(strings.ToUpper(t.Text), "SYSTEM$"):
			return fmt.Errorf("it names %s, a SYSTEM$ function, which acts on the account", t.Text)
		case t.Kind == sqlparse.Ident && next.Is("("):
			if why := deniedFunction(d, strings.ToUpper(t.Text)); why != "" {
				return fmt.Errorf("it calls %s, which %s", t.Text, why)
			}
		case t.Kind == sqlparse.String || t.Kind == sqlparse.Ident && t.Quoted:
			if from.tableSlot(prev) && (t.Kind == sqlparse.String || strings.ContainsAny(t.Text, "./\\:")) {
				return fmt.Errorf("it reads %q as a table, which names a file", t.Text)
			}
		}
		from.see(t)
	}
	return nil
}

// fromTracker follows, per parenthesis depth, whether the tokens are in a FROM
// list, to spot a string literal used as a table (DuckDB reads 'file.csv' so).
type fromTracker struct{ in []bool }

func newFromTracker() *fromTracker { return &fromTracker{in: []bool{false}} }

func (f *fromTracker) see(t sqlparse.Token) {
	switch {
	case t.Is("("):
		f.in = append(f.in, false)
	case t.Is(")"):
		if len(f.in) > 1 {
			f.in = f.in[:len(f.in)-1]
		}
	case t.Kind == sqlparse.Ident && !t.Quoted:
		switch t.Text {
		case "FROM", "JOIN":
			f.in[len(f.in)-1] = true
		case "WHERE", "GROUP", "HAVING", "QUALIFY", "ORDER", "LIMIT", "WINDOW", "UNION", "EXCEPT",
			"INTERSECT", "ON", "USING", "SELECT", "OFFSET", "FETCH":
			f.in[len(f.in)-1] = false
		}
	}
}

// tableSlot reports whether the token after prev stands where a table does.
func (f *fromTracker) tableSlot(prev sqlparse.Token) bool {
	return prev.Is("FROM") || prev.Is("JOIN") || (prev.Is(",") && f.in[len(f.in)-1])
}
