package warehouse

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Warehouse settings for Snowflake (SPEC §2).
const (
	WarehouseSize        = "SMALL"
	WarehouseAutoSuspend = 120 // seconds
)

// InfrastructureSQL returns the idempotent statements that create the database,
// schemas, warehouse, stage and default context in dialect d. On the embedded engine
// the file is the database and there is no virtual warehouse, so only the schemas,
// the stage's stand-in table and the load manifest are created.
func InfrastructureSQL(d dialect.Dialect, n Names) []string {
	n = n.WithDefaults()
	var out []string
	if d.Accounts() {
		out = append(out, "CREATE DATABASE IF NOT EXISTS "+d.Quote(n.Database))
	}
	for _, s := range n.Schemas() {
		out = append(out, "CREATE SCHEMA IF NOT EXISTS "+d.Schema(n.Database, s))
	}
	if !d.Accounts() {
		return append(out,
			SemanticModels.CreateSQL(d, n, false),
			LoadManifest.CreateSQL(d, n, false),
		)
	}
	wh := d.Quote(n.Warehouse)
	out = append(out,
		fmt.Sprintf("CREATE WAREHOUSE IF NOT EXISTS %s WITH WAREHOUSE_SIZE = '%s' AUTO_SUSPEND = %d AUTO_RESUME = TRUE INITIALLY_SUSPENDED = TRUE",
			wh, WarehouseSize, WarehouseAutoSuspend),
		"CREATE STAGE IF NOT EXISTS "+d.Table(n.Database, n.Semantic, n.Stage)+" DIRECTORY = (ENABLE = TRUE) COMMENT = 'Semantic model files for Cortex Analyst'",
		LoadManifest.CreateSQL(d, n, false),
	)
	if n.Role != "" {
		role := d.Quote(n.Role)
		out = append(out,
			"GRANT USAGE ON WAREHOUSE "+wh+" TO ROLE "+role,
			"GRANT USAGE ON DATABASE "+d.Quote(n.Database)+" TO ROLE "+role,
		)
	}
	if n.User != "" {
		stmt := fmt.Sprintf("ALTER USER %s SET DEFAULT_WAREHOUSE = '%s' DEFAULT_NAMESPACE = '%s.%s'",
			d.Quote(n.User), n.Warehouse, n.Database, n.Marts)
		if n.Role != "" {
			stmt += fmt.Sprintf(" DEFAULT_ROLE = '%s'", n.Role)
		}
		out = append(out, stmt)
	}
	return append(out,
		"USE WAREHOUSE "+wh,
		"USE SCHEMA "+d.Schema(n.Database, n.Marts),
	)
}
