package analyst

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// ErrNotReadOnly is returned (wrapped) by [CheckReadOnly] for SQL it refuses.
var ErrNotReadOnly = errors.New("analyst: not a single read-only query")

// writeWords may not appear as keywords anywhere in a query the guard accepts:
// statements that change data or schema, move files, call code or change the
// session. Words inside string literals, quoted identifiers and comments do not
// count; the lexer strips or isolates those.
var writeWords = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "UPSERT": true, "REPLACE": true,
	"CREATE": true, "ALTER": true, "DROP": true, "TRUNCATE": true, "RENAME": true, "UNDROP": true,
	"GRANT": true, "REVOKE": true, "COPY": true, "PUT": true, "GET": true, "REMOVE": true, "RM": true,
	"LIST": true, "LS": true, "CALL": true, "EXECUTE": true, "EXEC": true, "USE": true, "SET": true,
	"UNSET": true, "BEGIN": true, "COMMIT": true, "ROLLBACK": true, "ATTACH": true, "DETACH": true,
	"INSTALL": true, "LOAD": true, "EXPORT": true, "IMPORT": true, "PRAGMA": true, "VACUUM": true,
	"CHECKPOINT": true, "COMMENT": true, "SHOW": true, "DESCRIBE": true, "EXPLAIN": true, "INTO": true,
}

// CheckReadOnly accepts exactly one SELECT (or WITH … SELECT) statement, with an
// optional trailing semicolon and comments, and refuses anything else with a reason:
// DDL, DML, several statements, file and stage commands, procedure calls, session
// changes, SELECT … INTO.
func CheckReadOnly(sql string) error {
	toks, err := semantic.Tokens(sql)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotReadOnly, err)
	}
	for len(toks) > 0 && isPunct(toks[len(toks)-1], ";") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return fmt.Errorf("%w: no statement", ErrNotReadOnly)
	}
	first := toks[0]
	for i := 1; i < len(toks) && isPunct(first, "("); i++ {
		first = toks[i] // (SELECT …) UNION (SELECT …)
	}
	if first.Kind != semantic.TokenIdent || first.Quoted || (first.Text != "SELECT" && first.Text != "WITH") {
		return fmt.Errorf("%w: it starts with %q; only SELECT or WITH … SELECT may run", ErrNotReadOnly, first.Text)
	}
	depth := 0
	for _, t := range toks {
		switch {
		case isPunct(t, "("):
			depth++
		case isPunct(t, ")"):
			depth--
		case isPunct(t, ";"):
			return fmt.Errorf("%w: it holds more than one statement", ErrNotReadOnly)
		case t.Kind == semantic.TokenIdent && !t.Quoted && writeWords[t.Text]:
			return fmt.Errorf("%w: it uses %s", ErrNotReadOnly, t.Text)
		}
	}
	if depth != 0 {
		return fmt.Errorf("%w: unbalanced parentheses", ErrNotReadOnly)
	}
	if strings.Contains(sql, "\x00") {
		return fmt.Errorf("%w: a NUL byte", ErrNotReadOnly)
	}
	return nil
}

func isPunct(t semantic.Token, s string) bool { return t.Kind == semantic.TokenPunct && t.Text == s }
