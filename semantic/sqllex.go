package semantic

import (
	"fmt"
	"strings"
	"unicode"
)

// A tiny SQL lexer, enough for the offline checks: whether an expression
// aggregates, whether it is well formed (quotes and parentheses closed, one
// statement), which table.column pairs it names, and which tables a verified
// query reads. It is not a SQL parser; the server stays the authority.

type tokKind int

const (
	tokIdent  tokKind = iota // name or "quoted name"
	tokString                // 'text'
	tokNumber
	tokPunct
)

type token struct {
	kind   tokKind
	text   string // identifiers: unquoted and upper-cased unless quoted
	quoted bool
}

// lex splits sql into tokens, dropping comments, or reports why it cannot.
func lex(sql string) ([]token, error) {
	var out []token
	r := []rune(sql)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '-' && i+1 < len(r) && r[i+1] == '-':
			for i < len(r) && r[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(r) && r[i+1] == '*':
			end := strings.Index(string(r[i+2:]), "*/")
			if end < 0 {
				return nil, fmt.Errorf("unclosed /* comment")
			}
			i += 2 + len([]rune(string(r[i+2:])[:end])) + 2
		case c == '\'':
			j := i + 1
			var b strings.Builder
			for ; j < len(r); j++ {
				if r[j] == '\\' && j+1 < len(r) {
					b.WriteRune(r[j+1])
					j++
					continue
				}
				if r[j] == '\'' {
					if j+1 < len(r) && r[j+1] == '\'' {
						b.WriteRune('\'')
						j++
						continue
					}
					break
				}
				b.WriteRune(r[j])
			}
			if j >= len(r) {
				return nil, fmt.Errorf("unclosed string literal")
			}
			out = append(out, token{kind: tokString, text: b.String()})
			i = j + 1
		case c == '"':
			j := i + 1
			var b strings.Builder
			for ; j < len(r); j++ {
				if r[j] == '"' {
					if j+1 < len(r) && r[j+1] == '"' {
						b.WriteRune('"')
						j++
						continue
					}
					break
				}
				b.WriteRune(r[j])
			}
			if j >= len(r) {
				return nil, fmt.Errorf("unclosed quoted identifier")
			}
			out = append(out, token{kind: tokIdent, text: b.String(), quoted: true})
			i = j + 1
		case c == '_' || c == '$' || unicode.IsLetter(c):
			j := i
			for j < len(r) && (r[j] == '_' || r[j] == '$' || unicode.IsLetter(r[j]) || unicode.IsDigit(r[j])) {
				j++
			}
			out = append(out, token{kind: tokIdent, text: strings.ToUpper(string(r[i:j]))})
			i = j
		case unicode.IsDigit(c):
			j := i
			for j < len(r) && (unicode.IsDigit(r[j]) || r[j] == '.' || r[j] == 'e' || r[j] == 'E') {
				j++
			}
			out = append(out, token{kind: tokNumber, text: string(r[i:j])})
			i = j
		default:
			out = append(out, token{kind: tokPunct, text: string(c)})
			i++
		}
	}
	return out, nil
}

// checkExpr reports whether expr is one well-formed expression: tokens lex,
// parentheses balance, and there is no statement separator.
func checkExpr(expr string) ([]token, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	depth := 0
	for _, t := range toks {
		if t.kind != tokPunct {
			continue
		}
		switch t.text {
		case "(":
			depth++
		case ")":
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("unbalanced parentheses: unexpected )")
			}
		case ";":
			return nil, fmt.Errorf("contains ';': an expression must be a single expression")
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("unbalanced parentheses: %d not closed", depth)
	}
	return toks, nil
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
func aggregates(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.kind != tokIdent || t.quoted || !aggregateFuncs[t.text] || toks[i+1].text != "(" {
			continue
		}
		end := matching(toks, i+1)
		if end+1 < len(toks) && toks[end+1].kind == tokIdent && toks[end+1].text == "OVER" {
			continue
		}
		return true
	}
	return false
}

// matching returns the index of the parenthesis closing the one at open.
func matching(toks []token, open int) int {
	depth := 0
	for j := open; j < len(toks); j++ {
		switch toks[j].text {
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
func qualifiedRefs(toks []token) [][2]string {
	var out [][2]string
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].kind == tokIdent && toks[i+1].text == "." && toks[i+2].kind == tokIdent {
			if i > 0 && toks[i-1].text == "." {
				continue // the middle of a.b.c
			}
			if i+4 < len(toks) && toks[i+3].text == "." {
				continue // a three-part name
			}
			out = append(out, [2]string{strings.ToLower(toks[i].text), strings.ToLower(toks[i+2].text)})
			i += 2
		}
	}
	return out
}

// columnIdents returns the unqualified identifiers in toks that are not function
// names, keywords or aliases: the physical columns a row-level expression reads.
func columnIdents(toks []token) []string {
	var out []string
	for i, t := range toks {
		if t.kind != tokIdent {
			continue
		}
		if i+1 < len(toks) && toks[i+1].text == "(" {
			continue // a function
		}
		if i > 0 && (toks[i-1].text == "." || (toks[i-1].kind == tokIdent && toks[i-1].text == "AS")) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].text == "." {
			continue // a qualifier
		}
		if !t.quoted && sqlKeywords[t.text] {
			continue
		}
		out = append(out, t.text)
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
func tableRefs(toks []token) (refs, ctes []string) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokIdent || t.quoted {
			continue
		}
		switch t.text {
		case "WITH", "RECURSIVE":
			// WITH name AS ( … ), name AS ( … )
			for j := i + 1; j+2 < len(toks); {
				if toks[j].kind == tokIdent && toks[j].text == "RECURSIVE" {
					j++
					continue
				}
				if toks[j].kind != tokIdent || toks[j+1].text != "AS" || toks[j+2].text != "(" {
					break
				}
				ctes = append(ctes, strings.ToLower(toks[j].text))
				end := matching(toks, j+2)
				if end+1 < len(toks) && toks[end+1].text == "," {
					j = end + 2
					continue
				}
				break
			}
		case "FROM", "JOIN":
			for j := i + 1; j < len(toks); {
				if toks[j].text == "(" || toks[j].kind != tokIdent {
					break // a subquery or a table function
				}
				name := toks[j].text
				k := j + 1
				for k+1 < len(toks) && toks[k].text == "." && toks[k+1].kind == tokIdent {
					name += "." + toks[k+1].text
					k += 2
				}
				if k < len(toks) && toks[k].text == "(" {
					break // a function call such as TABLE(…)
				}
				refs = append(refs, strings.ToLower(name))
				// skip an alias, then continue a comma list
				if k < len(toks) && toks[k].kind == tokIdent && toks[k].text == "AS" {
					k++
				}
				if k < len(toks) && toks[k].kind == tokIdent && !clauseWords[toks[k].text] {
					k++
				}
				if t.text == "FROM" && k < len(toks) && toks[k].text == "," {
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
