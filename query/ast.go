package query

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// node is a parsed model expression (a metric, fact, dimension or filter expr).
type node interface{ isNode() }

type (
	// ref is a column reference: NAME, or table.name (a logical reference).
	ref struct {
		table  string // lower-cased logical table, or ""
		name   string // as written: upper-cased unless quoted
		quoted bool
	}
	lit struct {
		text  string // SQL text of the literal
		kind  string // "number", "string", "bool", "null"
		scale int    // digits after the point, for numbers
	}
	call struct {
		name     string // upper-cased
		distinct bool
		star     bool // COUNT(*)
		args     []node
	}
	binary struct {
		op   string // + - * / % = <> < <= > >= AND OR ||
		l, r node
	}
	unary struct {
		op string // - NOT
		x  node
	}
	isNull struct {
		x   node
		not bool
	}
	inList struct {
		x    node
		list []node
		not  bool
	}
	between struct {
		x, lo, hi node
		not       bool
	}
	like struct {
		x, pattern node
		not        bool
		ilike      bool
	}
	caseExpr struct {
		operand node // CASE x WHEN … (may be nil)
		whens   []whenClause
		els     node
	}
	whenClause struct{ cond, then node }
	cast       struct {
		x   node
		typ string
	}
)

func (ref) isNode()      {}
func (lit) isNode()      {}
func (call) isNode()     {}
func (binary) isNode()   {}
func (unary) isNode()    {}
func (isNull) isNode()   {}
func (inList) isNode()   {}
func (between) isNode()  {}
func (like) isNode()     {}
func (caseExpr) isNode() {}
func (cast) isNode()     {}

// parser is a recursive-descent parser over the semantic package's tokens, for the
// subset of SQL expressions a semantic model uses. Window functions and subqueries
// are refused: they do not compose with GROUP BY.
type parser struct {
	toks []semantic.Token
	pos  int
}

func parseExpr(src string) (node, error) {
	toks, err := semantic.Tokens(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q", p.toks[p.pos].Text)
	}
	return n, nil
}

func (p *parser) peek() semantic.Token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return semantic.Token{Kind: semantic.TokenPunct, Text: ""}
}

// word reports whether the next token is the unquoted keyword w (upper case).
func (p *parser) word(w string) bool {
	t := p.peek()
	return t.Kind == semantic.TokenIdent && !t.Quoted && t.Text == w
}

func (p *parser) punct(s string) bool {
	t := p.peek()
	return t.Kind == semantic.TokenPunct && t.Text == s
}

func (p *parser) accept(w string) bool {
	if p.word(w) || p.punct(w) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(w string) error {
	if !p.accept(w) {
		got := p.peek().Text
		if got == "" {
			got = "end of expression"
		}
		return fmt.Errorf("expected %s, got %q", w, got)
	}
	return nil
}

func (p *parser) or() (node, error)  { return p.chain(p.and, "OR") }
func (p *parser) and() (node, error) { return p.chain(p.not, "AND") }

func (p *parser) chain(next func() (node, error), op string) (node, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for p.accept(op) {
		r, err := next()
		if err != nil {
			return nil, err
		}
		l = binary{op: op, l: l, r: r}
	}
	return l, nil
}

func (p *parser) not() (node, error) {
	if p.accept("NOT") {
		x, err := p.not()
		return unary{op: "NOT", x: x}, err
	}
	return p.cmp()
}

func (p *parser) cmp() (node, error) {
	l, err := p.add()
	if err != nil {
		return nil, err
	}
	for _, op := range []string{"<=", ">=", "<>", "!=", "=", "<", ">"} {
		if p.punctSeq(op) {
			r, err := p.add()
			if op == "!=" {
				op = "<>"
			}
			return binary{op: op, l: l, r: r}, err
		}
	}
	if p.accept("IS") {
		not := p.accept("NOT")
		return isNull{x: l, not: not}, p.expect("NULL")
	}
	not := p.accept("NOT")
	switch {
	case p.accept("IN"):
		if err := p.expect("("); err != nil {
			return nil, err
		}
		var list []node
		for {
			x, err := p.or()
			if err != nil {
				return nil, err
			}
			list = append(list, x)
			if !p.accept(",") {
				break
			}
		}
		return inList{x: l, list: list, not: not}, p.expect(")")
	case p.accept("BETWEEN"):
		lo, err := p.add()
		if err != nil {
			return nil, err
		}
		if err := p.expect("AND"); err != nil {
			return nil, err
		}
		hi, err := p.add()
		return between{x: l, lo: lo, hi: hi, not: not}, err
	case p.word("LIKE") || p.word("ILIKE"):
		il := p.word("ILIKE")
		p.pos++
		pat, err := p.add()
		return like{x: l, pattern: pat, not: not, ilike: il}, err
	}
	if not {
		return nil, fmt.Errorf("expected IN, BETWEEN or LIKE after NOT")
	}
	return l, nil
}

// punctSeq accepts a one- or two-character operator made of punctuation tokens.
func (p *parser) punctSeq(op string) bool {
	if len(op) == 1 {
		return p.accept(op)
	}
	if p.pos+1 < len(p.toks) && p.toks[p.pos].Kind == semantic.TokenPunct && p.toks[p.pos+1].Kind == semantic.TokenPunct &&
		p.toks[p.pos].Text == op[:1] && p.toks[p.pos+1].Text == op[1:] {
		p.pos += 2
		return true
	}
	return false
}

func (p *parser) add() (node, error) {
	l, err := p.mul()
	if err != nil {
		return nil, err
	}
	for {
		var op string
		switch {
		case p.punctSeq("||"):
			op = "||"
		case p.accept("+"):
			op = "+"
		case p.accept("-"):
			op = "-"
		default:
			return l, nil
		}
		r, err := p.mul()
		if err != nil {
			return nil, err
		}
		l = binary{op: op, l: l, r: r}
	}
}

func (p *parser) mul() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		var op string
		switch {
		case p.accept("*"):
			op = "*"
		case p.accept("/"):
			op = "/"
		case p.accept("%"):
			op = "%"
		default:
			return l, nil
		}
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = binary{op: op, l: l, r: r}
	}
}

func (p *parser) unary() (node, error) {
	if p.accept("-") {
		x, err := p.unary()
		return unary{op: "-", x: x}, err
	}
	if p.accept("+") {
		return p.unary()
	}
	return p.primary()
}

func (p *parser) primary() (node, error) {
	t := p.peek()
	switch {
	case t.Kind == semantic.TokenNumber:
		p.pos++
		scale := 0
		if i := strings.IndexByte(t.Text, '.'); i >= 0 {
			scale = len(t.Text) - i - 1
		}
		return lit{text: t.Text, kind: "number", scale: scale}, nil
	case t.Kind == semantic.TokenString:
		p.pos++
		return lit{text: "'" + strings.ReplaceAll(t.Text, "'", "''") + "'", kind: "string"}, nil
	case p.accept("("):
		if p.word("SELECT") || p.word("WITH") {
			return nil, fmt.Errorf("subqueries are not supported in model expressions")
		}
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		return x, p.expect(")")
	case t.Kind != semantic.TokenIdent:
		if t.Text == "" {
			return nil, fmt.Errorf("unexpected end of expression")
		}
		return nil, fmt.Errorf("unexpected %q", t.Text)
	}
	p.pos++
	if !t.Quoted {
		switch t.Text {
		case "TRUE", "FALSE":
			return lit{text: t.Text, kind: "bool"}, nil
		case "NULL":
			return lit{text: "NULL", kind: "null"}, nil
		case "CASE":
			return p.caseExpr()
		case "CAST", "TRY_CAST":
			return p.castExpr()
		}
	}
	if p.accept(".") {
		col := p.peek()
		if col.Kind != semantic.TokenIdent {
			return nil, fmt.Errorf("expected a column after %s.", t.Text)
		}
		p.pos++
		return ref{table: strings.ToLower(t.Text), name: col.Text, quoted: col.Quoted}, nil
	}
	if !t.Quoted && p.punct("(") {
		return p.callExpr(t.Text)
	}
	return ref{name: t.Text, quoted: t.Quoted}, nil
}

func (p *parser) callExpr(name string) (node, error) {
	p.pos++ // (
	c := call{name: name}
	if p.accept("*") {
		c.star = true
		return c, p.expect(")")
	}
	c.distinct = p.accept("DISTINCT")
	if !p.punct(")") {
		for {
			x, err := p.or()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, x)
			if !p.accept(",") {
				break
			}
		}
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	if p.word("OVER") || p.word("WITHIN") || p.word("FILTER") {
		return nil, fmt.Errorf("%s … %s is not supported in a semantic query", name, p.peek().Text)
	}
	return c, nil
}

func (p *parser) caseExpr() (node, error) {
	var c caseExpr
	if !p.word("WHEN") {
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		c.operand = x
	}
	for p.accept("WHEN") {
		cond, err := p.or()
		if err != nil {
			return nil, err
		}
		if err := p.expect("THEN"); err != nil {
			return nil, err
		}
		then, err := p.or()
		if err != nil {
			return nil, err
		}
		c.whens = append(c.whens, whenClause{cond, then})
	}
	if len(c.whens) == 0 {
		return nil, fmt.Errorf("CASE needs at least one WHEN")
	}
	if p.accept("ELSE") {
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		c.els = x
	}
	return c, p.expect("END")
}

func (p *parser) castExpr() (node, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	x, err := p.or()
	if err != nil {
		return nil, err
	}
	if err := p.expect("AS"); err != nil {
		return nil, err
	}
	var typ strings.Builder
	for depth := 0; ; {
		t := p.peek()
		if t.Text == "" {
			return nil, fmt.Errorf("unclosed CAST")
		}
		if t.Kind == semantic.TokenPunct && t.Text == ")" {
			if depth == 0 {
				break
			}
			depth--
		}
		if t.Kind == semantic.TokenPunct && t.Text == "(" {
			depth++
		}
		typ.WriteString(t.Text)
		p.pos++
	}
	p.pos++
	return cast{x: x, typ: typ.String()}, nil
}
