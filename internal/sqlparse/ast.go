package sqlparse

// Node is a parsed expression: one of the types below.
type Node interface{ node() }

// LitKind is the kind of a [Lit].
type LitKind string

// The literal kinds.
const (
	LitNumber LitKind = "number"
	LitString LitKind = "string"
	LitBool   LitKind = "bool"
	LitNull   LitKind = "null"
)

type (
	// Ref is a column reference: NAME, or table.name (a logical reference).
	Ref struct {
		Table  string // lower-cased logical table, or ""
		Name   string // as written: upper-cased unless quoted
		Quoted bool
	}
	// Lit is a literal. Value is a string's decoded value, a number as written
	// (digits, point, exponent only), TRUE/FALSE or NULL; render a string with
	// [QuoteString], never by pasting Value.
	Lit struct {
		Kind  LitKind
		Value string
		Scale int // digits after the point, for numbers
	}
	// Call is a function call; Name is upper-cased and on the allow-list.
	Call struct {
		Name     string
		Distinct bool
		Star     bool // COUNT(*)
		Args     []Node
	}
	// Binary is l op r, with Op one of + - * / % = <> < <= > >= AND OR ||.
	Binary struct {
		Op   string
		L, R Node
	}
	// Unary is - x or NOT x.
	Unary struct {
		Op string
		X  Node
	}
	// IsNull is x IS [NOT] NULL.
	IsNull struct {
		X   Node
		Not bool
	}
	// InList is x [NOT] IN (list…).
	InList struct {
		X    Node
		List []Node
		Not  bool
	}
	// Between is x [NOT] BETWEEN lo AND hi.
	Between struct {
		X, Lo, Hi Node
		Not       bool
	}
	// Like is x [NOT] LIKE|ILIKE pattern.
	Like struct {
		X, Pattern Node
		Not, ILike bool
	}
	// Case is CASE [operand] WHEN … THEN … [ELSE …] END.
	Case struct {
		Operand Node // may be nil
		Whens   []When
		Else    Node // may be nil
	}
	// When is one WHEN cond THEN then of a [Case].
	When struct{ Cond, Then Node }
	// Cast is CAST(x AS type) or TRY_CAST(x AS type).
	Cast struct {
		X    Node
		Type Type
		Try  bool
	}
)

func (Ref) node()     {}
func (Lit) node()     {}
func (Call) node()    {}
func (Binary) node()  {}
func (Unary) node()   {}
func (IsNull) node()  {}
func (InList) node()  {}
func (Between) node() {}
func (Like) node()    {}
func (Case) node()    {}
func (Cast) node()    {}
