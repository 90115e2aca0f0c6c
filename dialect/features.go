package dialect

// The DDL differences between the engines, as questions a SQL builder asks the
// dialect instead of comparing it with a constant.

// DynamicTables reports whether the engine maintains derived tables itself
// (Snowflake's CREATE DYNAMIC TABLE … TARGET_LAG). Where it does not, the marts
// are plain tables that package pipeline refreshes.
func (d Dialect) DynamicTables() bool { return d == Snowflake }

// Accounts reports whether the engine has account-level objects: databases created
// by SQL, virtual warehouses, roles, users, stages and grants. The embedded engine
// has none of these; its file is the database.
func (d Dialect) Accounts() bool { return d == Snowflake }
