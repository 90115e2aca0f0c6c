package dialect

import (
	"fmt"
	"strings"
)

// Dialect names one SQL engine. The zero value is not valid; use [Snowflake] or
// [DuckDB].
type Dialect string

// The dialects the SDK supports.
const (
	// Snowflake is the production warehouse, reached through gosnowflake.
	Snowflake Dialect = "snowflake"
	// DuckDB is the embedded engine, reached through duckdb-go.
	DuckDB Dialect = "duckdb"
)

// All lists every supported dialect in a fixed order.
func All() []Dialect { return []Dialect{Snowflake, DuckDB} }

// Valid reports whether d is one of the supported dialects.
func (d Dialect) Valid() bool { return d == Snowflake || d == DuckDB }

// String returns the dialect's name.
func (d Dialect) String() string { return string(d) }

// Parse returns the dialect called name, case-insensitively, or an error that lists
// the valid names.
func Parse(name string) (Dialect, error) {
	d := Dialect(strings.ToLower(strings.TrimSpace(name)))
	if !d.Valid() {
		return "", fmt.Errorf("dialect: unknown dialect %q (valid: snowflake, duckdb)", name)
	}
	return d, nil
}

// Quote returns ident as a quoted identifier, doubling any embedded quote and
// dropping NUL bytes. Identifiers are always quoted by the SDK, so upper-case names
// match Snowflake's unquoted (upper-cased) identifiers exactly.
func (d Dialect) Quote(ident string) string {
	ident = strings.ReplaceAll(ident, "\x00", "")
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}

// Table returns the quoted reference to table in schema. Snowflake references are
// fully qualified with database; the embedded engine holds one database per file, so
// its references are schema-qualified only.
func (d Dialect) Table(database, schema, table string) string {
	if d == Snowflake && database != "" {
		return d.Quote(database) + "." + d.Quote(schema) + "." + d.Quote(table)
	}
	return d.Quote(schema) + "." + d.Quote(table)
}

// Schema returns the quoted reference to a schema.
func (d Dialect) Schema(database, schema string) string {
	if d == Snowflake && database != "" {
		return d.Quote(database) + "." + d.Quote(schema)
	}
	return d.Quote(schema)
}
