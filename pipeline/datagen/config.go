package datagen

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// DefaultSeed is the seed behind the SDK's reference figures.
const DefaultSeed uint64 = 20240101

// Base sizes at scale 1. Scale multiplies customers and orders;
// products and reps stay fixed.
const (
	BaseCustomers = 10_000
	BaseOrders    = 100_000
	NumProducts   = 500
	NumReps       = 50
)

// ErrInvalidConfig is returned (wrapped) by [New] for a configuration it refuses.
var ErrInvalidConfig = errors.New("datagen: invalid config")

// Config says what to generate. Use [DefaultConfig] and change what you need; the
// zero value is refused because its Scale is 0.
type Config struct {
	// Seed selects the data set. The same Seed, Scale and DirtyFraction give
	// byte-identical data everywhere.
	Seed uint64
	// Scale multiplies customers and orders: 1 gives 10,000 customers and 100,000
	// orders. It must be positive; fractions (0.01) make small test sets.
	Scale float64
	// DirtyFraction is the fraction of orders, in [0, 0.5], given exactly one defect
	// each (see [Rule]). Zero, the default, gives clean data.
	DirtyFraction float64
	// Start and End bound the order dates, inclusive. Defaults: 2024-01-01 and
	// 2025-12-31.
	Start, End time.Time
}

// DefaultConfig returns scale 1, [DefaultSeed], no dirty rows, 2024–2025.
func DefaultConfig() Config {
	return Config{Seed: DefaultSeed, Scale: 1}
}

// vocDefaultStart and vocDefaultEnd bound the default order dates.
var (
	vocDefaultStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	vocDefaultEnd   = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

func (c Config) withDefaults() Config {
	if c.Start.IsZero() {
		c.Start = vocDefaultStart
	}
	if c.End.IsZero() {
		c.End = vocDefaultEnd
	}
	c.Start = truncDay(c.Start)
	c.End = truncDay(c.End)
	return c
}

// Validate reports what is wrong with c, naming the field.
func (c Config) Validate() error {
	c = c.withDefaults()
	switch {
	case math.IsNaN(c.Scale) || c.Scale <= 0:
		return fmt.Errorf("%w: Scale must be positive, got %v", ErrInvalidConfig, c.Scale)
	case c.Scale > 10_000:
		return fmt.Errorf("%w: Scale %v is above the limit of 10000", ErrInvalidConfig, c.Scale)
	case math.IsNaN(c.DirtyFraction) || c.DirtyFraction < 0 || c.DirtyFraction > 0.5:
		return fmt.Errorf("%w: DirtyFraction must be in [0, 0.5], got %v", ErrInvalidConfig, c.DirtyFraction)
	case c.End.Before(c.Start):
		return fmt.Errorf("%w: End %s is before Start %s", ErrInvalidConfig, c.End.Format(time.DateOnly), c.Start.Format(time.DateOnly))
	}
	return nil
}

func truncDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func scaled(base int, scale float64) int64 {
	n := int64(math.Round(float64(base) * scale))
	if n < 1 {
		n = 1
	}
	return n
}

// Version names the generator's algorithm. It changes whenever the same config
// would produce different rows, so loads made by another version are redone.
const Version = "3"
