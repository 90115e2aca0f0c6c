package snowfake

import (
	"fmt"
	"strings"
)

// Snowflake divides NUMBERs exactly, to scale max(s1, min(s1 + 6, 12)) where s1
// is the dividend's scale ("Arithmetic operators": division); DuckDB divides
// decimals in DOUBLE. So every division a / b of a statement becomes
// sf_div(a, b), a macro computing Snowflake's quotient with integers. Which
// expressions are a and b is decided by parsing, with Snowflake's precedence:
// unary minus, ::, calls, parentheses and CASE bind tighter than * / %, which
// bind tighter than + - || and comparisons, and * / % associate to the left.
// Nothing else of the statement changes, so the translation never changes what
// the SQL means (`ROUND(x - y / NULLIF(z, 0), 2)` divides y alone).

// maxDepth bounds the nesting of parentheses and CASE the parser follows.
const maxDepth = 200

// node is a token, or a bracketed group: ( … ) or CASE … END.
type node struct {
	tok      token
	open     *token // set for a group: "(" or CASE
	children []node
	close    token
}

// exactDivision rewrites every division in stmt to sf_div.
func exactDivision(stmt string) (string, error) {
	if !strings.Contains(stmt, "/") {
		return stmt, nil
	}
	toks, err := lex(stmt)
	if err != nil {
		return "", err
	}
	nodes, rest, err := group(toks, "", 0)
	if err != nil {
		return "", err
	}
	if len(rest) > 0 {
		return "", fmt.Errorf("unbalanced %q", rest[0].text)
	}
	var b strings.Builder
	rewrite(&b, nodes)
	return b.String(), nil
}

// group reads nodes until the token closing (")" or END), returning what
// follows it.
func group(toks []token, closing string, depth int) ([]node, []token, error) {
	if depth > maxDepth {
		return nil, nil, fmt.Errorf("nesting deeper than %d", maxDepth)
	}
	var out []node
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		switch {
		case closing != "" && isText(t, closing):
			return out, append([]token{t}, toks...), nil
		case isText(t, "("), isText(t, "CASE"):
			want := ")"
			if isText(t, "CASE") {
				want = "END"
			}
			kids, rest, err := group(toks, want, depth+1)
			if err != nil {
				return nil, nil, err
			}
			if len(rest) == 0 {
				return nil, nil, fmt.Errorf("%q without %q", t.text, want)
			}
			open := t
			out = append(out, node{open: &open, children: kids, close: rest[0]})
			toks = rest[1:]
		case isText(t, ")"), isText(t, "END"):
			return nil, nil, fmt.Errorf("unbalanced %q", t.text)
		default:
			out = append(out, node{tok: t})
		}
	}
	if closing != "" {
		return out, nil, nil
	}
	return out, nil, nil
}

func isText(t token, s string) bool {
	if t.kind == tkWord {
		return strings.EqualFold(t.text, s)
	}
	return t.kind == tkOp && t.text == s
}

// boundary words end an operand: they are clauses and operators, not values.
var boundary = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`SELECT FROM WHERE AND OR NOT IN IS AS ON THEN ELSE WHEN END BY OVER
		JOIN LEFT RIGHT INNER OUTER FULL CROSS NATURAL UNION ALL ANY SOME EXISTS BETWEEN LIKE ILIKE RLIKE ESCAPE
		HAVING GROUP ORDER LIMIT OFFSET FETCH WITH DISTINCT QUALIFY VALUES INTO USING PARTITION ROWS RANGE
		PRECEDING FOLLOWING CURRENT ROW UNBOUNDED ASC DESC NULLS FIRST LAST SET INSERT UPDATE DELETE MERGE
		CREATE OR REPLACE TABLE VIEW TEMP TEMPORARY IF WINDOW LATERAL PIVOT COLLATE`) {
		boundary[w] = true
	}
}

// rewrite writes nodes with every division at this level rewritten, and the
// groups' contents rewritten recursively.
func rewrite(b *strings.Builder, nodes []node) {
	afterOperand := false // a sign here is binary, not part of the next operand
	for i := 0; i < len(nodes); {
		end, ok := operand(nodes, i, !afterOperand)
		if !ok {
			write(b, nodes[i])
			if n := nodes[i]; n.open != nil || n.tok.kind != tkSpace {
				afterOperand = false
			}
			i++
			continue
		}
		afterOperand = true
		// A chain: operand ((* | / | %) operand)*, left-associative.
		acc := render(nodes[i:end])
		i = end
		for {
			j := skipSpace(nodes, i)
			if j >= len(nodes) || nodes[j].open != nil || nodes[j].tok.kind != tkOp ||
				(nodes[j].tok.text != "*" && nodes[j].tok.text != "/" && nodes[j].tok.text != "%") {
				break
			}
			k := skipSpace(nodes, j+1)
			e, ok := operand(nodes, k, true)
			if !ok {
				break
			}
			right := render(nodes[k:e])
			if nodes[j].tok.text == "/" {
				acc = "sf_div(" + strings.TrimSpace(acc) + ", " + strings.TrimSpace(right) + ")"
			} else {
				acc += render(nodes[i:k]) + right
			}
			i = e
		}
		b.WriteString(acc)
	}
}

// operand returns the end of the operand starting at nodes[i]: an optional
// unary sign, a value (literal, parameter, name, call, group, CASE, typed
// literal such as DATE '…'), then postfix :: casts, OVER (…) and the like.
func operand(nodes []node, i int, unary bool) (int, bool) {
	if i >= len(nodes) {
		return 0, false
	}
	n := nodes[i]
	if unary && n.open == nil && n.tok.kind == tkOp && (n.tok.text == "-" || n.tok.text == "+") {
		return operand(nodes, skipSpace(nodes, i+1), true)
	}
	var end int
	switch {
	case n.open != nil:
		if isText(*n.open, "(") || isText(*n.open, "CASE") {
			end = i + 1
		}
	case n.tok.kind == tkNumber, n.tok.kind == tkString, n.tok.kind == tkParam:
		end = i + 1
	case n.tok.kind == tkWord && (strings.EqualFold(n.tok.text, "DATE") || strings.EqualFold(n.tok.text, "TIMESTAMP") ||
		strings.EqualFold(n.tok.text, "INTERVAL")):
		j := skipSpace(nodes, i+1)
		if j < len(nodes) && nodes[j].open == nil && nodes[j].tok.kind == tkString {
			end = j + 1
		} else {
			end = i + 1
		}
	case n.tok.kind == tkWord && boundary[strings.ToUpper(n.tok.text)]:
		return 0, false
	case n.tok.kind == tkWord, n.tok.kind == tkQuoted:
		end = i + 1
		for end+1 < len(nodes) && isNode(nodes[end], ".") { // a.b."C".*
			if next := nodes[end+1]; next.open == nil && (next.tok.kind == tkWord || next.tok.kind == tkQuoted || next.tok.text == "*") {
				end += 2
				continue
			}
			break
		}
		if end < len(nodes) && nodes[end].open != nil && isText(*nodes[end].open, "(") { // a call
			end++
		}
	default:
		return 0, false
	}
	if end == 0 {
		return 0, false
	}
	for { // postfix
		j := skipSpace(nodes, end)
		switch {
		case j < len(nodes) && isNode(nodes[j], "::"):
			k := skipSpace(nodes, j+1)
			if k >= len(nodes) || nodes[k].open != nil || nodes[k].tok.kind != tkWord {
				return end, true
			}
			end = k + 1
			if end < len(nodes) && nodes[end].open != nil && isText(*nodes[end].open, "(") {
				end++
			}
		case j < len(nodes) && (isNode(nodes[j], "OVER") || isNode(nodes[j], "FILTER")):
			k := skipSpace(nodes, j+1)
			if k >= len(nodes) {
				return end, true
			}
			end = k + 1 // OVER (…) or OVER w
		case j+2 < len(nodes) && isNode(nodes[j], "WITHIN"):
			k := skipSpace(nodes, skipSpace(nodes, j+1)+1) // WITHIN GROUP (…)
			if k >= len(nodes) {
				return end, true
			}
			end = k + 1
		default:
			return end, true
		}
	}
}

func isNode(n node, s string) bool { return n.open == nil && isText(n.tok, s) }

func skipSpace(nodes []node, i int) int {
	for i < len(nodes) && nodes[i].open == nil && nodes[i].tok.kind == tkSpace {
		i++
	}
	return i
}

func render(nodes []node) string {
	var b strings.Builder
	for _, n := range nodes {
		write(&b, n)
	}
	return b.String()
}

func write(b *strings.Builder, n node) {
	if n.open == nil {
		b.WriteString(n.tok.text)
		return
	}
	b.WriteString(n.open.text)
	rewrite(b, n.children)
	b.WriteString(n.close.text)
}

// divMacros compute a / b as Snowflake does for NUMBERs (sf_div): the quotient
// rounded half away from zero to scale max(s1, min(s1 + 6, 12)), s1 the scale of
// a as its DuckDB type says, returned as DECIMAL(38,12); an error when b is
// zero, NULL when either is NULL. The arithmetic is on HUGEINTs: operands hold at
// most 12 decimal places and, unscaled and shifted, fit in 127 bits. Integers
// have scale 0; a DOUBLE operand is rounded to an integer, so FLOAT division is
// not Snowflake's here (the SDK divides no FLOATs).
var divMacros = []string{
	`CREATE OR REPLACE MACRO sf_scale(x) AS COALESCE(TRY_CAST(regexp_extract(typeof(x), 'DECIMAL\(\d+,(\d+)\)', 1) AS INTEGER), 0)`,
	`CREATE OR REPLACE MACRO sf_pow10(n) AS CAST('1' || repeat('0', CAST(n AS INTEGER)) AS HUGEINT)`,
	`CREATE OR REPLACE MACRO sf_unscaled(x) AS CAST(x * sf_pow10(sf_scale(x)) AS HUGEINT)`,
	`CREATE OR REPLACE MACRO sf_qscale(x) AS greatest(sf_scale(x), least(sf_scale(x) + 6, 12))`,
	`CREATE OR REPLACE MACRO sf_rdiv(n, d) AS sign(n) * sign(d) * ((abs(n) * 2 + abs(d)) // (abs(d) * 2))`,
	`CREATE OR REPLACE MACRO sf_div(a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE CAST(
		CAST(sf_rdiv(sf_unscaled(a) * sf_pow10(sf_scale(b) + sf_qscale(a)), sf_unscaled(b) * sf_pow10(sf_scale(a)))
			* sf_pow10(12 - sf_qscale(a)) AS DECIMAL(38,0)) * 0.000000000001 AS DECIMAL(38,12)) END`,
}
