package embedded

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

var _ engine.Views = (*Engine)(nil)

// ViewComments reads DuckDB's catalog (duckdb_views()) for the views of layer l's
// schema in the open database, with their COMMENT ON VIEW text.
func (e *Engine) ViewComments(ctx context.Context, n warehouse.Names, l warehouse.Layer) (map[string]string, error) {
	schema := n.SchemaFor(l)
	rows, err := e.db.QueryContext(ctx, `SELECT view_name, comment FROM duckdb_views()
WHERE NOT internal AND database_name = current_database() AND upper(schema_name) = upper(?)`, schema)
	if err != nil {
		return nil, fmt.Errorf("embedded: views of %s: %w", schema, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name string
		var comment sql.NullString
		if err := rows.Scan(&name, &comment); err != nil {
			return nil, fmt.Errorf("embedded: views of %s: %w", schema, err)
		}
		out[name] = comment.String
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("embedded: views of %s: %w", schema, err)
	}
	return out, nil
}
