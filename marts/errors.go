package marts

import (
	"fmt"

	"github.com/shopspring/decimal"
)

func errNotInt(d decimal.Decimal) error {
	return fmt.Errorf("marts: %s is not a whole number that fits int64", d)
}

func errType(want string, v any) error {
	return fmt.Errorf("marts: got %T, want %s", v, want)
}
