package dialect

import "fmt"

// Kind is the closed set of column kinds the warehouse uses.
type Kind string

// The column kinds. Money is always DECIMAL(38,2) / NUMBER(38,2).
const (
	KindText      Kind = "text"
	KindInt       Kind = "int"
	KindDecimal   Kind = "decimal"
	KindDate      Kind = "date"
	KindTimestamp Kind = "timestamp"
	KindBool      Kind = "bool"
	KindFloat     Kind = "float"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case KindText, KindInt, KindDecimal, KindDate, KindTimestamp, KindBool, KindFloat:
		return true
	}
	return false
}

// Type is a column type: a kind plus, for decimals, precision and scale.
type Type struct {
	Kind      Kind
	Precision int // decimals only
	Scale     int // decimals only
}

// The common types, as functions: a Type is a value, and no caller can change
// what the next caller gets.

// Text is VARCHAR.
func Text() Type { return Type{Kind: KindText} }

// Int is a 64-bit integer (BIGINT, NUMBER(38,0)).
func Int() Type { return Type{Kind: KindInt} }

// Money is DECIMAL(38,2) / NUMBER(38,2).
func Money() Type { return Decimal(38, 2) }

// Date is a calendar date.
func Date() Type { return Type{Kind: KindDate} }

// Timestamp is a timestamp without time zone.
func Timestamp() Type { return Type{Kind: KindTimestamp} }

// Bool is BOOLEAN.
func Bool() Type { return Type{Kind: KindBool} }

// Float is a double-precision float, never for money.
func Float() Type { return Type{Kind: KindFloat} }

// Decimal returns a DECIMAL(precision, scale) type.
func Decimal(precision, scale int) Type {
	return Type{Kind: KindDecimal, Precision: precision, Scale: scale}
}

// String renders the type in a dialect-neutral form, e.g. "decimal(38,2)".
func (t Type) String() string {
	if t.Kind == KindDecimal {
		return fmt.Sprintf("decimal(%d,%d)", t.Precision, t.Scale)
	}
	return string(t.Kind)
}

// TypeName returns the engine's name for t, as used in DDL and casts.
func (d Dialect) TypeName(t Type) string {
	switch t.Kind {
	case KindText:
		return "VARCHAR"
	case KindInt:
		if d == Snowflake {
			return "NUMBER(38,0)"
		}
		return "BIGINT"
	case KindDecimal:
		if d == Snowflake {
			return fmt.Sprintf("NUMBER(%d,%d)", t.Precision, t.Scale)
		}
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale)
	case KindDate:
		return "DATE"
	case KindTimestamp:
		if d == Snowflake {
			return "TIMESTAMP_NTZ"
		}
		return "TIMESTAMP"
	case KindBool:
		return "BOOLEAN"
	case KindFloat:
		if d == Snowflake {
			return "FLOAT"
		}
		return "DOUBLE"
	}
	return "VARCHAR"
}

// Cast returns CAST(expr AS type) in d.
func (d Dialect) Cast(expr string, t Type) string {
	return "CAST(" + expr + " AS " + d.TypeName(t) + ")"
}
