package warehouse

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Warehouse settings for Snowflake.
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
			tblSemanticModels.CreateSQL(d, n, false),
			tblLoadManifest.CreateSQL(d, n, false),
		)
	}
	wh := d.Quote(n.Warehouse)
	out = append(out,
		fmt.Sprintf("CREATE WAREHOUSE IF NOT EXISTS %s WITH WAREHOUSE_SIZE = '%s' AUTO_SUSPEND = %d AUTO_RESUME = TRUE INITIALLY_SUSPENDED = TRUE",
			wh, WarehouseSize, WarehouseAutoSuspend),
		"CREATE STAGE IF NOT EXISTS "+d.Table(n.Database, n.Semantic, n.Stage)+" DIRECTORY = (ENABLE = TRUE) COMMENT = 'Semantic model files for Cortex Analyst'",
		tblLoadManifest.CreateSQL(d, n, false),
	)
	out = append(out, AnalystGrantsSQL(d, n)...)
	if n.User != "" {
		stmt := fmt.Sprintf("ALTER USER %s SET DEFAULT_WAREHOUSE = '%s' DEFAULT_NAMESPACE = '%s.%s'",
			d.Quote(n.User), n.Warehouse, n.Database, n.Marts)
		stmt += fmt.Sprintf(" DEFAULT_ROLE = '%s'", n.Role)
		out = append(out, stmt, "GRANT ROLE "+d.Quote(n.Role)+" TO USER "+d.Quote(n.User))
	}
	return append(out,
		"USE WAREHOUSE "+wh,
		"USE SCHEMA "+d.Schema(n.Database, n.Marts),
	)
}

// AnalystGrantsSQL returns the statements that create the read-only analyst role
// (Names.Role) and give it what reading the marts and asking Cortex Analyst
// take, and nothing more: USAGE on the warehouse, the database and the MARTS and
// SEMANTIC schemas (not RAW or STAGING); SELECT on every mart, current and
// future (the marts are dynamic tables, and a future grant also covers a mart
// the set-up replaces); READ on the semantic model stage; and the
// SNOWFLAKE.CORTEX_USER database role, which Cortex Analyst requires. The role
// running the set-up needs CREATE ROLE (USERADMIN has it) and must own the
// schemas for the future grant. Nil on an engine without accounts.
func AnalystGrantsSQL(d dialect.Dialect, n Names) []string {
	if !d.Accounts() {
		return nil
	}
	n = n.WithDefaults()
	role := " TO ROLE " + d.Quote(n.Role)
	marts := d.Schema(n.Database, n.Marts)
	return []string{
		"CREATE ROLE IF NOT EXISTS " + d.Quote(n.Role) + " COMMENT = 'Reads the sales marts and asks Cortex Analyst'",
		"GRANT USAGE ON WAREHOUSE " + d.Quote(n.Warehouse) + role,
		"GRANT USAGE ON DATABASE " + d.Quote(n.Database) + role,
		"GRANT USAGE ON SCHEMA " + marts + role,
		"GRANT USAGE ON SCHEMA " + d.Schema(n.Database, n.Semantic) + role,
		"GRANT SELECT ON ALL DYNAMIC TABLES IN SCHEMA " + marts + role,
		"GRANT SELECT ON FUTURE DYNAMIC TABLES IN SCHEMA " + marts + role,
		"GRANT READ ON STAGE " + d.Table(n.Database, n.Semantic, n.Stage) + role,
		"GRANT DATABASE ROLE SNOWFLAKE.CORTEX_USER" + role,
	}
}
