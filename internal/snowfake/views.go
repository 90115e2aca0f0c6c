package snowfake

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// showViews matches SHOW VIEWS [LIKE 'pattern'] [IN SCHEMA [db.]schema].
var showViews = regexp.MustCompile(`(?is)^SHOW\s+VIEWS(?:\s+LIKE\s+'((?:[^']|'')*)')?(?:\s+IN\s+SCHEMA\s+(\S+))?$`)

// showViewsResult answers SHOW VIEWS from DuckDB's catalog (duckdb_views()) with
// the columns of Snowflake's output that it can fill truthfully: name,
// database_name, schema_name, comment (as COMMENT ON VIEW set it), is_secure and
// is_materialized. LIKE matches the name as Snowflake does, without regard to
// case; IN SCHEMA is required, since the server keeps no current schema of its
// own.
func showViewsResult(ctx context.Context, conn *sql.Conn, like, schema string) (*result, error) {
	p := parts(schema)
	var where []string
	var args []any
	switch len(p) {
	case 1:
		where = append(where, "database_name = current_database()", "schema_name = ?")
		args = append(args, p[0])
	case 2:
		where = append(where, "database_name = ?", "schema_name = ?")
		args = append(args, p[0], p[1])
	default:
		return nil, fmt.Errorf("the loopback server answers SHOW VIEWS only IN SCHEMA [database.]schema, not %q", schema)
	}
	if like != "" {
		where = append(where, "view_name ILIKE ?")
		args = append(args, strings.ReplaceAll(like, "''", "'"))
	}
	q := `SELECT view_name AS name, database_name, schema_name, comment,
  'false' AS is_secure, 'false' AS is_materialized
FROM duckdb_views() WHERE NOT internal AND ` + strings.Join(where, " AND ") + ` ORDER BY view_name`
	return queryRows(ctx, conn, q, args)
}
