package sqlparse

import (
	"fmt"
	"strings"
)

// ParseExpr parses one model expression (a metric, fact, dimension or filter
// expr) written in opts.Dialect's SQL — a semantic model's expressions are
// Snowflake SQL — into a [Node]. It is a recursive-descent parser for the subset
// of SQL expressions a semantic model uses; window functions and subqueries are
// refused (they do not compose with GROUP BY), as are functions not allowed by
// opts.Functions, cast types outside the type grammar, and nesting deeper than
// opts.MaxDepth (an error, never a stack overflow).
func ParseExpr(src string, opts Options) (Node, error) {
	toks, err := Lex(src, opts)
	if err != nil {
		return nil, err
	}
	allow := opts.Functions
	if allow == nil {
		d := opts.Dialect
		allow = func(name string) bool { return Allowed(d, name) }
	}
	p := &parser{toks: toks, allow: allow, maxDepth: opts.maxDepth()}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q", p.toks[p.pos].Text)
	}
	return n, nil
}

type parser struct {
	toks     []Token
	pos      int
	allow    func(string) bool
	depth    int
	maxDepth int
}

// enter counts one level of nesting; every recursive production calls it.
func (p *parser) enter() error {
	p.depth++
	if p.depth > p.maxDepth {
		return fmt.Errorf("%w: the expression nests more than %d levels", ErrTooDeep, p.maxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) peek() Token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return Token{Kind: Punct}
}

// word reports whether the next token is the unquoted keyword w (upper case).
func (p *parser) word(w string) bool {
	t := p.peek()
	return t.Kind == Ident && !t.Quoted && t.Text == w
}

func (p *parser) punct(s string) bool {
	t := p.peek()
	return t.Kind == Punct && t.Text == s
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

func (p *parser) or() (Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	return p.chain(p.and, "OR")
}

func (p *parser) and() (Node, error) { return p.chain(p.not, "AND") }

func (p *parser) chain(next func() (Node, error), op string) (Node, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for p.accept(op) {
		r, err := next()
		if err != nil {
			return nil, err
		}
		l = Binary{Op: op, L: l, R: r}
	}
	return l, nil
}

func (p *parser) not() (Node, error) {
	if p.accept("NOT") {
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.not()
		return Unary{Op: "NOT", X: x}, err
	}
	return p.cmp()
}

func (p *parser) cmp() (Node, error) {
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
			return Binary{Op: op, L: l, R: r}, err
		}
	}
	if p.accept("IS") {
		not := p.accept("NOT")
		return IsNull{X: l, Not: not}, p.expect("NULL")
	}
	not := p.accept("NOT")
	switch {
	case p.accept("IN"):
		if err := p.expect("("); err != nil {
			return nil, err
		}
		list, err := p.list()
		if err != nil {
			return nil, err
		}
		return InList{X: l, List: list, Not: not}, p.expect(")")
	case p.accept("BETWEEN"):
		lo, err := p.add()
		if err != nil {
			return nil, err
		}
		if err := p.expect("AND"); err != nil {
			return nil, err
		}
		hi, err := p.add()
		return Between{X: l, Lo: lo, Hi: hi, Not: not}, err
	case p.word("LIKE") || p.word("ILIKE"):
		il := p.word("ILIKE")
		p.pos++
		pat, err := p.add()
		return Like{X: l, Pattern: pat, Not: not, ILike: il}, err
	}
	if not {
		return nil, fmt.Errorf("expected IN, BETWEEN or LIKE after NOT")
	}
	return l, nil
}

func (p *parser) list() ([]Node, error) {
	var list []Node
	for {
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		list = append(list, x)
		if !p.accept(",") {
			return list, nil
		}
	}
}

// punctSeq accepts a one- or two-character operator made of adjacent punctuation.
func (p *parser) punctSeq(op string) bool {
	if len(op) == 1 {
		return p.accept(op)
	}
	if p.pos+1 < len(p.toks) {
		a, b := p.toks[p.pos], p.toks[p.pos+1]
		if a.Kind == Punct && b.Kind == Punct && a.End == b.Pos && a.Text == op[:1] && b.Text == op[1:] {
			p.pos += 2
			return true
		}
	}
	return false
}

func (p *parser) add() (Node, error) {
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
		l = Binary{Op: op, L: l, R: r}
	}
}

func (p *parser) mul() (Node, error) {
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
		l = Binary{Op: op, L: l, R: r}
	}
}

func (p *parser) unary() (Node, error) {
	if p.punct("-") || p.punct("+") {
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		if p.accept("-") {
			x, err := p.unary()
			return Unary{Op: "-", X: x}, err
		}
		p.pos++
		return p.unary()
	}
	return p.primary()
}

func (p *parser) primary() (Node, error) {
	t := p.peek()
	switch {
	case t.Kind == Number:
		p.pos++
		if err := checkNumber(t.Text); err != nil {
			return nil, err
		}
		scale := 0
		if i := strings.IndexByte(t.Text, '.'); i >= 0 {
			scale = len(t.Text) - i - 1
			if e := strings.IndexAny(t.Text, "eE"); e >= 0 {
				scale = 0 // an exponent: not a fixed scale
			}
		}
		return Lit{Kind: LitNumber, Value: t.Text, Scale: scale}, nil
	case t.Kind == String:
		p.pos++
		return Lit{Kind: LitString, Value: t.Text}, nil
	case p.accept("("):
		if p.word("SELECT") || p.word("WITH") {
			return nil, fmt.Errorf("subqueries are not supported in model expressions")
		}
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		return x, p.expect(")")
	case t.Kind != Ident:
		if t.Text == "" {
			return nil, fmt.Errorf("unexpected end of expression")
		}
		return nil, fmt.Errorf("unexpected %q", t.Text)
	}
	p.pos++
	if !t.Quoted {
		switch t.Text {
		case "TRUE", "FALSE":
			return Lit{Kind: LitBool, Value: t.Text}, nil
		case "NULL":
			return Lit{Kind: LitNull, Value: "NULL"}, nil
		case "CASE":
			return p.caseExpr()
		case "CAST", "TRY_CAST":
			return p.castExpr(t.Text == "TRY_CAST")
		}
	}
	if p.accept(".") {
		col := p.peek()
		if col.Kind != Ident {
			return nil, fmt.Errorf("expected a column after %s.", t.Text)
		}
		p.pos++
		return Ref{Table: strings.ToLower(t.Text), Name: col.Text, Quoted: col.Quoted}, nil
	}
	if p.punct("(") {
		if t.Quoted {
			return nil, fmt.Errorf("a quoted name %q cannot be called as a function", t.Text)
		}
		return p.callExpr(t.Text)
	}
	return Ref{Name: t.Text, Quoted: t.Quoted}, nil
}

// checkNumber refuses number tokens that are not plain decimal notation (DuckDB's
// 1_000): a number is pasted into SQL as written.
func checkNumber(s string) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return fmt.Errorf("number %q: write digits, a point and an exponent only", s)
		}
	}
	return nil
}

func (p *parser) callExpr(name string) (Node, error) {
	if !p.allow(name) {
		return nil, fmt.Errorf("function %s is not allowed in a model expression (allow it explicitly, or use one of the dialect's functions)", name)
	}
	p.pos++ // (
	c := Call{Name: name}
	if p.accept("*") {
		c.Star = true
		return c, p.expect(")")
	}
	c.Distinct = p.accept("DISTINCT")
	if !p.punct(")") {
		args, err := p.list()
		if err != nil {
			return nil, err
		}
		c.Args = args
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	if p.word("OVER") || p.word("WITHIN") || p.word("FILTER") {
		return nil, fmt.Errorf("%s … %s is not supported in a semantic query", name, p.peek().Text)
	}
	return c, nil
}

func (p *parser) caseExpr() (Node, error) {
	var c Case
	if !p.word("WHEN") {
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		c.Operand = x
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
		c.Whens = append(c.Whens, When{cond, then})
	}
	if len(c.Whens) == 0 {
		return nil, fmt.Errorf("CASE needs at least one WHEN")
	}
	if p.accept("ELSE") {
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		c.Else = x
	}
	return c, p.expect("END")
}

func (p *parser) castExpr(try bool) (Node, error) {
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
	typ, n, err := parseType(p.toks[p.pos:])
	if err != nil {
		return nil, err
	}
	p.pos += n
	return Cast{X: x, Type: typ, Try: try}, p.expect(")")
}
