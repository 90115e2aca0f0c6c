package semantic

// TokenKind classifies a [Token].
type TokenKind int

// Token kinds.
const (
	TokenIdent  TokenKind = iota // a name; Text is upper-cased unless Quoted
	TokenString                  // a string literal; Text is its value
	TokenNumber                  // a numeric literal
	TokenPunct                   // one punctuation character
)

// Token is one lexical token of a SQL expression.
type Token struct {
	Kind   TokenKind
	Text   string
	Quoted bool // a "quoted" identifier, whose case is kept
}

// Tokens splits a SQL expression from a model (an expr or a verified query) into
// tokens, dropping comments. It is the lexer the validator uses; package query
// parses metric expressions from it.
func Tokens(expr string) ([]Token, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Kind: TokenKind(t.kind), Text: t.text, Quoted: t.quoted}
	}
	return out, nil
}
