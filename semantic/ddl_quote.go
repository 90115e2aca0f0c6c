package semantic

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/ident"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// The one rule for names and the one rule for text in semantic-view DDL.
//
// A name is written bare when it is an unquoted identifier Snowflake reads back
// unchanged in meaning (letters, digits, _ and $, not a reserved word), and in
// double quotes otherwise, with inner quotes doubled. Bare names keep the model's
// spelling; Snowflake resolves them case-insensitively, as it does the names in a
// staged YAML model. Text is a single-quoted literal with quotes and backslashes
// doubled (sqlparse.QuoteString for Snowflake).

// ddlIdent renders one identifier part.
func ddlIdent(name string) string {
	if ident.Valid(name) && !reservedWords[strings.ToUpper(name)] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// ddlQualified renders a dotted name, each part by ddlIdent; empty parts are left
// out (a base table without database, say).
func ddlQualified(parts ...string) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p != "" {
			out = append(out, ddlIdent(p))
		}
	}
	return strings.Join(out, ".")
}

// ddlString renders text as a Snowflake string literal.
func ddlString(s string) string { return sqlparse.QuoteString(dialect.Snowflake, s) }

// ddlStrings renders a parenthesised list of string literals: ('a', 'b').
func ddlStrings(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = ddlString(s)
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// ddlIdents renders a parenthesised list of identifiers: (a, b).
func ddlIdents(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = ddlIdent(s)
	}
	return "(" + strings.Join(q, ", ") + ")"
}
