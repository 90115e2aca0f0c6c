package dialect

// The DDL differences between the engines, as questions a SQL builder asks the
// dialect instead of comparing it with a constant.

// DynamicTables reports whether the engine maintains derived tables itself
// (Snowflake's CREATE DYNAMIC TABLE … TARGET_LAG). Where it does not, the marts
// are plain tables that package pipeline refreshes.
func (d Dialect) DynamicTables() bool { return d == Snowflake }

// SemanticViews reports whether the engine keeps semantic views (Snowflake's
// CREATE SEMANTIC VIEW, which Cortex Analyst and Cortex Agents read). The
// embedded engine has none; its model is the staged YAML alone.
func (d Dialect) SemanticViews() bool { return d == Snowflake }

// Accounts reports whether the engine has account-level objects: databases created
// by SQL, virtual warehouses, roles, users, stages and grants. The embedded engine
// has none of these; its file is the database.
func (d Dialect) Accounts() bool { return d == Snowflake }

// ColumnStorage returns the storage clause a column of type t takes in DDL, with
// its leading space, or "". DuckDB stores DECIMAL wider than 18 digits (Money is
// DECIMAL(38,2)) as 128-bit integers and picks bit-packing for them on disk,
// which it decodes about 17 times slower than it reads them uncompressed
// (SUM(NET_AMOUNT) over a year of orders: 11.7 ms against 0.69 ms, DuckDB 1.5.6,
// measured on a checkpointed file), so the embedded engine keeps those columns
// uncompressed. Snowflake chooses its own storage.
func (d Dialect) ColumnStorage(t Type) string {
	if d == DuckDB && t.Kind == KindDecimal && t.Precision > 18 {
		return " USING COMPRESSION uncompressed"
	}
	return ""
}
