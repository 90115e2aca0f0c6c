package semantic

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// The offline checks over a model's SQL: whether an expression aggregates, whether
// it is well formed (quotes and brackets closed, one statement, casts to types
// from the type grammar), which table.column pairs it names, and which tables a
// verified query reads. The tokens come from the shared lexer, reading the
// model's SQL as Snowflake does (a semantic model is Snowflake SQL); the server
// stays the authority.

// lex splits a model expression into tokens, with the lexer's limits.
func lex(sql string) ([]sqlparse.Token, error) {
	return sqlparse.Lex(sql, sqlparse.Options{Dialect: dialect.Snowflake})
}

// checkExpr reports whether expr is one well-formed expression: tokens lex
// (brackets balance, within the lexer's limits), there is no statement separator,
// and every cast is to a type from the type grammar.
func checkExpr(expr string) ([]sqlparse.Token, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	for _, t := range toks {
		if t.Is(";") {
			return nil, fmt.Errorf("contains ';': an expression must be a single expression")
		}
	}
	if err := sqlparse.CheckCasts(toks); err != nil {
		return nil, err
	}
	if err := checkAmplifiers(toks); err != nil {
		return nil, err
	}
	return toks, nil
}

// amplifiers are functions whose result's size is set by an argument, not by
// the data: LPAD(x, 2000000000) or REPEAT(x, n) build one huge value per row
// (LPAD in a model expression drove DuckDB to 18.5 GiB), RANGE and its kin one
// huge list. A model expression has no use for them, so they are refused, in
// both dialects' spellings.
var amplifiers = map[string]bool{
	"LPAD": true, "RPAD": true, "REPEAT": true, "REPLICATE": true, "SPACE": true,
	"PRINTF": true, "FORMAT": true, "RANDSTR": true, "BAR": true,
	"RANGE": true, "GENERATE_SERIES": true, "ARRAY_GENERATE_RANGE": true,
	"LIST_RESIZE": true, "ARRAY_RESIZE": true, "UNNEST": true, "FLATTEN": true,
	"GENERATOR": true,
}

// checkAmplifiers refuses a call to one of the amplifiers.
func checkAmplifiers(toks []sqlparse.Token) error {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Kind == sqlparse.Ident && !t.Quoted && amplifiers[t.Text] && toks[i+1].Text == "(" {
			return fmt.Errorf("calls %s, whose result's size an argument sets (an expression may not amplify a value)", t.Text)
		}
	}
	return nil
}

// aggregateFuncs are the aggregate functions the checks recognise.
var aggregateFuncs = map[string]bool{
	"SUM": true, "AVG": true, "COUNT": true, "MIN": true, "MAX": true, "MEDIAN": true,
	"COUNT_IF": true, "SUM_IF": true, "AVG_IF": true, "ANY_VALUE": true, "LISTAGG": true,
	"ARRAY_AGG": true, "STDDEV": true, "STDDEV_POP": true, "STDDEV_SAMP": true,
	"VARIANCE": true, "VAR_POP": true, "VAR_SAMP": true, "MODE": true, "PERCENTILE_CONT": true,
	"PERCENTILE_DISC": true, "APPROX_COUNT_DISTINCT": true, "APPROX_PERCENTILE": true,
	"HLL": true, "BOOLAND_AGG": true, "BOOLOR_AGG": true, "KURTOSIS": true, "SKEW": true,
	"CORR": true, "COVAR_POP": true, "COVAR_SAMP": true, "OBJECT_AGG": true, "BITAND_AGG": true,
}

// aggregates reports whether toks call an aggregate function outside a window
// (SUM(x) OVER (…) is a window function, allowed in row-level expressions).
func aggregates(toks []sqlparse.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Kind != sqlparse.Ident || t.Quoted || !aggregateFuncs[t.Text] || toks[i+1].Text != "(" {
			continue
		}
		end := matching(toks, i+1)
		if end+1 < len(toks) && toks[end+1].Kind == sqlparse.Ident && toks[end+1].Text == "OVER" {
			continue
		}
		return true
	}
	return false
}

// matching returns the index of the parenthesis closing the one at open.
func matching(toks []sqlparse.Token, open int) int {
	depth := 0
	for j := open; j < len(toks); j++ {
		switch toks[j].Text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(toks) - 1
}

// qualifiedRefs returns the table.column pairs in toks, lower-cased as written
// unquoted identifiers compare case-insensitively.
func qualifiedRefs(toks []sqlparse.Token) [][2]string {
	var out [][2]string
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind == sqlparse.Ident && toks[i+1].Text == "." && toks[i+2].Kind == sqlparse.Ident {
			if i > 0 && toks[i-1].Text == "." {
				continue // the middle of a.b.c
			}
			if i+4 < len(toks) && toks[i+3].Text == "." {
				continue // a three-part name
			}
			out = append(out, [2]string{strings.ToLower(toks[i].Text), strings.ToLower(toks[i+2].Text)})
			i += 2
		}
	}
	return out
}

// columnIdents returns the unqualified identifiers in toks that are not function
// names, keywords or aliases: the physical columns a row-level expression reads.
func columnIdents(toks []sqlparse.Token) []string {
	var out []string
	for i, t := range toks {
		if t.Kind != sqlparse.Ident {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Text == "(" {
			continue // a function
		}
		if i > 0 && (toks[i-1].Text == "." || (toks[i-1].Kind == sqlparse.Ident && toks[i-1].Text == "AS")) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Text == "." {
			continue // a qualifier
		}
		if !t.Quoted && sqlKeywords[t.Text] {
			continue
		}
		out = append(out, t.Text)
	}
	return out
}

// sqlKeywords are words a row-level expression may use that are not columns.
var sqlKeywords = map[string]bool{
	"AND": true, "OR": true, "NOT": true, "NULL": true, "IS": true, "IN": true, "LIKE": true,
	"ILIKE": true, "BETWEEN": true, "CASE": true, "WHEN": true, "THEN": true, "ELSE": true,
	"END": true, "TRUE": true, "FALSE": true, "AS": true, "DISTINCT": true, "OVER": true,
	"PARTITION": true, "BY": true, "ORDER": true, "ASC": true, "DESC": true, "ROWS": true,
	"RANGE": true, "UNBOUNDED": true, "PRECEDING": true, "FOLLOWING": true, "CURRENT": true,
	"ROW": true, "INTERVAL": true, "DATE": true, "TIMESTAMP": true, "DAY": true, "MONTH": true,
	"YEAR": true, "WEEK": true, "QUARTER": true, "VARCHAR": true, "NUMBER": true, "DECIMAL": true,
	"INT": true, "INTEGER": true, "BOOLEAN": true, "FLOAT": true, "DOUBLE": true, "TEXT": true,
	"NULLS": true, "FIRST": true, "LAST": true, "ESCAPE": true, "CURRENT_DATE": true,
	"CURRENT_TIMESTAMP": true,
}

// tableRefs returns the names a SELECT reads after FROM and JOIN (first part of a
// dotted name kept whole, e.g. DB.SCHEMA.T), and the CTE names it defines.
func tableRefs(toks []sqlparse.Token) (refs, ctes []string) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != sqlparse.Ident || t.Quoted {
			continue
		}
		switch t.Text {
		case "WITH", "RECURSIVE":
			// WITH name AS ( … ), name AS ( … )
			for j := i + 1; j+2 < len(toks); {
				if toks[j].Kind == sqlparse.Ident && toks[j].Text == "RECURSIVE" {
					j++
					continue
				}
				if toks[j].Kind != sqlparse.Ident || toks[j+1].Text != "AS" || toks[j+2].Text != "(" {
					break
				}
				ctes = append(ctes, strings.ToLower(toks[j].Text))
				end := matching(toks, j+2)
				if end+1 < len(toks) && toks[end+1].Text == "," {
					j = end + 2
					continue
				}
				break
			}
		case "FROM", "JOIN":
			for j := i + 1; j < len(toks); {
				if toks[j].Text == "(" || toks[j].Kind != sqlparse.Ident {
					break // a subquery or a table function
				}
				name := toks[j].Text
				k := j + 1
				for k+1 < len(toks) && toks[k].Text == "." && toks[k+1].Kind == sqlparse.Ident {
					name += "." + toks[k+1].Text
					k += 2
				}
				if k < len(toks) && toks[k].Text == "(" {
					break // a function call such as TABLE(…)
				}
				refs = append(refs, strings.ToLower(name))
				// skip an alias, then continue a comma list
				if k < len(toks) && toks[k].Kind == sqlparse.Ident && toks[k].Text == "AS" {
					k++
				}
				if k < len(toks) && toks[k].Kind == sqlparse.Ident && !clauseWords[toks[k].Text] {
					k++
				}
				if t.Text == "FROM" && k < len(toks) && toks[k].Text == "," {
					j = k + 1
					continue
				}
				break
			}
		}
	}
	return refs, ctes
}

var clauseWords = map[string]bool{
	"WHERE": true, "GROUP": true, "ORDER": true, "LIMIT": true, "JOIN": true, "LEFT": true,
	"RIGHT": true, "INNER": true, "FULL": true, "CROSS": true, "ON": true, "USING": true,
	"HAVING": true, "QUALIFY": true, "UNION": true, "EXCEPT": true, "INTERSECT": true,
	"MINUS": true, "NATURAL": true, "OUTER": true, "WINDOW": true, "OFFSET": true, "FETCH": true,
}
