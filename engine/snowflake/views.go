package snowflake

import (
	"context"
	"fmt"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

var _ engine.Views = (*Engine)(nil)

// ViewComments reads SHOW VIEWS IN SCHEMA for layer l: each view's name and
// COMMENT.
func (e *Engine) ViewComments(ctx context.Context, n warehouse.Names, l warehouse.Layer) (map[string]string, error) {
	nn := n.WithDefaults()
	schema := dialect.Snowflake.Schema(nn.Database, nn.SchemaFor(l))
	table, err := textRows(ctx, e.db, "SHOW VIEWS IN SCHEMA "+schema)
	if err != nil {
		return nil, fmt.Errorf("snowflake: show views in %s: %w", schema, err)
	}
	out := make(map[string]string, len(table))
	for _, r := range table {
		out[r["name"]] = r["comment"]
	}
	return out, nil
}
