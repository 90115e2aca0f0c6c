package pipeline

import (
	"context"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// buildDynamic creates each mart's dynamic table when it is missing and replaces
// it only when its definition changed, comparing the fingerprint of the
// definition (warehouse.Mart.Fingerprint) with the one the table's COMMENT
// records. A second set-up with the same definitions runs no DDL on the marts,
// so Snowflake keeps refreshing them incrementally instead of rebuilding all six.
func (w *Warehouse) buildDynamic(ctx context.Context, dt engine.DynamicTables) ([]Build, error) {
	states, err := dt.MartStates(ctx, w.names)
	if err != nil {
		return nil, fmt.Errorf("pipeline: marts: %w", err)
	}
	comments := make(map[string]string, len(states))
	for _, s := range states {
		comments[s.Name] = s.Comment
	}
	d := w.eng.Dialect()
	var out []Build
	for _, m := range warehouse.AllMarts() {
		fp := m.Fingerprint(d, w.names)
		b := Build{Name: m.Table.Name, Action: buildAction(comments, m.Table.Name, fp), Fingerprint: fp}
		if b.Action != BuildUnchanged {
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
