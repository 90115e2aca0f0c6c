package scan

import (
	"database/sql"
	"errors"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// ErrInexact is returned when a float arrives where an exact decimal is required.
var ErrInexact = errors.New("scan: float value where an exact decimal is required")

// exactDecimal is what DuckDB's Decimal offers: exact text (String) beside a lossy
// Float64. Matching on both keeps time.Time and other Stringers out.
type exactDecimal interface {
	String() string
	Float64() float64
}

// Decimal returns a [sql.Scanner] that stores an exact decimal into dst. NULL is an
// error; use [NullDecimal] for nullable columns.
func Decimal(dst *decimal.Decimal) sql.Scanner { return decimalScanner{dst: dst} }

// NullDecimal returns a [sql.Scanner] that stores an exact decimal or NULL into dst.
func NullDecimal(dst *decimal.NullDecimal) sql.Scanner { return nullDecimalScanner{dst: dst} }

type decimalScanner struct{ dst *decimal.Decimal }

func (s decimalScanner) Scan(v any) error {
	if v == nil {
		return errors.New("scan: NULL where a decimal is required (use scan.NullDecimal)")
	}
	d, err := ToDecimal(v)
	if err != nil {
		return err
	}
	*s.dst = d
	return nil
}

type nullDecimalScanner struct{ dst *decimal.NullDecimal }

func (s nullDecimalScanner) Scan(v any) error {
	if v == nil {
		*s.dst = decimal.NullDecimal{}
		return nil
	}
	d, err := ToDecimal(v)
	if err != nil {
		return err
	}
	*s.dst = decimal.NullDecimal{Decimal: d, Valid: true}
	return nil
}

// ToDecimal converts a driver value to an exact decimal: decimal text (string or
// []byte), signed and unsigned integers of every width (DuckDB's TINYINT …
// UBIGINT), *big.Int, decimal.Decimal, and the engines' own exact decimal
// types. Floats are refused with [ErrInexact].
func ToDecimal(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case string:
		return parse(x)
	case []byte:
		return parse(string(x))
	case int64:
		return decimal.NewFromInt(x), nil
	case int32:
		return decimal.NewFromInt(int64(x)), nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int16:
		return decimal.NewFromInt(int64(x)), nil
	case int8:
		return decimal.NewFromInt(int64(x)), nil
	case uint64: // DuckDB's UBIGINT: may exceed int64
		return decimal.NewFromBigInt(new(big.Int).SetUint64(x), 0), nil
	case uint32:
		return decimal.NewFromInt(int64(x)), nil
	case uint16:
		return decimal.NewFromInt(int64(x)), nil
	case uint8:
		return decimal.NewFromInt(int64(x)), nil
	case uint:
		return decimal.NewFromBigInt(new(big.Int).SetUint64(uint64(x)), 0), nil
	case *big.Int:
		return decimal.NewFromBigInt(x, 0), nil
	case decimal.Decimal:
		return x, nil
	case float64, float32:
		return decimal.Decimal{}, fmt.Errorf("%w: got %T %v", ErrInexact, v, v)
	case exactDecimal:
		return parse(x.String())
	}
	return decimal.Decimal{}, fmt.Errorf("scan: cannot read %T as a decimal", v)
}

func parse(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("scan: %q is not a decimal: %w", s, err)
	}
	return d, nil
}
