package pipeline

import (
	"context"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// MartAction says what the set-up did to one mart's dynamic table.
type MartAction string

// The mart actions.
const (
	MartCreated   MartAction = "created"   // it did not exist
	MartReplaced  MartAction = "replaced"  // its definition changed (or was not recorded)
	MartUnchanged MartAction = "unchanged" // it already has this definition
)

// Valid reports whether a is one of the mart actions.
func (a MartAction) Valid() bool { return a == MartCreated || a == MartReplaced || a == MartUnchanged }

// MartBuild reports what the set-up did to one mart.
type MartBuild struct {
	Name   string
	Action MartAction
	// Fingerprint identifies the definition the mart now has.
	Fingerprint string
}

// buildDynamic creates each mart's dynamic table when it is missing and replaces
// it only when its definition changed, comparing the fingerprint of the
// definition (warehouse.Mart.Fingerprint) with the one the table's COMMENT
// records. A second set-up with the same definitions runs no DDL on the marts,
// so Snowflake keeps refreshing them incrementally instead of rebuilding all six.
func (w *Warehouse) buildDynamic(ctx context.Context, dt engine.DynamicTables) ([]MartBuild, error) {
	states, err := dt.MartStates(ctx, w.names)
	if err != nil {
		return nil, fmt.Errorf("pipeline: marts: %w", err)
	}
	have := make(map[string]string, len(states))
	for _, s := range states {
		have[s.Name] = warehouse.FingerprintOf(s.Comment)
	}
	d := w.eng.Dialect()
	var out []MartBuild
	for _, m := range warehouse.AllMarts() {
		b := MartBuild{Name: m.Table.Name, Action: MartUnchanged, Fingerprint: m.Fingerprint(d, w.names)}
		switch fp, ok := have[m.Table.Name]; {
		case !ok:
			b.Action = MartCreated
		case fp != b.Fingerprint:
			b.Action = MartReplaced
		}
		if b.Action != MartUnchanged {
			for _, stmt := range m.CreateSQL(d, w.names) {
				if _, err := w.eng.DB().ExecContext(ctx, stmt); err != nil {
					return out, fmt.Errorf("pipeline: marts %s: %w", m.Table.Name, err)
				}
			}
		}
		out = append(out, b)
	}
	return out, nil
}
