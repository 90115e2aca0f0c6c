package pipeline

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Warehouse is the sales warehouse on one engine, with its object names and clock
// bound once. Every operation of the pipeline — [Warehouse.Setup],
// [Warehouse.Refresh], [Warehouse.Status], [Warehouse.Validate],
// [Warehouse.AppendOrders] — is a method on it. A Warehouse is safe for concurrent
// use as far as its engine is; [Warehouse.Refresh] serialises itself through a
// transaction.
type Warehouse struct {
	eng   engine.Engine
	names warehouse.Names
	now   func() time.Time
	fresh *freshness
}

// Config binds a [Warehouse]. The zero value means the default names and the
// system clock.
type Config struct {
	// Names of the warehouse objects; empty fields take their defaults.
	Names warehouse.Names
	// Now is the clock for load timestamps, refresh bookkeeping and lag. Nil means
	// time.Now.
	Now func() time.Time
}

// New binds eng to the names and clock of cfg. It fails, naming the field, when a
// name is not a valid identifier.
func New(eng engine.Engine, cfg Config) (*Warehouse, error) {
	if eng == nil {
		return nil, fmt.Errorf("%w: no engine", ErrInvalidOptions)
	}
	if err := cfg.Names.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOptions, err)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Warehouse{eng: eng, names: cfg.Names.WithDefaults(), now: now, fresh: newFreshness()}, nil
}

// Engine returns the engine the warehouse lives on.
func (w *Warehouse) Engine() engine.Engine { return w.eng }

// Names returns the warehouse's object names, defaults filled in.
func (w *Warehouse) Names() warehouse.Names { return w.names }
