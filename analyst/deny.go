package analyst

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Functions the guard refuses in analyst SQL, by engine, with why. The engine's
// own confinement (no external access on DuckDB, a read-only role on Snowflake)
// is the authority; this list makes the refusal early and clear.
var (
	duckdbDenied = map[string]string{
		"GLOB": "lists files", "QUERY": "runs SQL from a string", "QUERY_TABLE": "reads a table named by a string",
		"SNIFF_CSV": "reads a file", "GETENV": "reads the environment", "NEXTVAL": "changes a sequence",
		"SETVAL": "changes a sequence", "CURRVAL": "reads a sequence's state", "CHECKPOINT": "writes the database",
		"FORCE_CHECKPOINT": "writes the database", "DUCKDB_SECRETS": "reads credentials", "WHICH_SECRET": "reads credentials",
		"LOAD_AWS_CREDENTIALS": "reads credentials", "ST_READ": "reads a file", "HTTP_GET": "reads the network",
		"HTTP_POST": "writes to the network", "IMPORT_DATABASE": "reads files", "EXPORT_DATABASE": "writes files",
		"DUCKDB_EXTENSIONS": "inspects extensions", "INSTALL_EXTENSION": "installs code", "LOAD_EXTENSION": "loads code",
		"SQLITE_ATTACH": "attaches a database",
	}
	duckdbDeniedPrefixes = map[string]string{
		"READ_": "reads files", "PARQUET_": "reads files", "ICEBERG_": "reads files", "DELTA_": "reads files",
		"SQLITE_": "reads another database", "POSTGRES_": "reads another database", "MYSQL_": "reads another database",
	}
	duckdbDeniedSuffixes = map[string]string{"_SCAN": "reads files or another database"}

	snowflakeDenied = map[string]string{
		"RESULT_SCAN": "reads another query's result", "INFER_SCHEMA": "reads staged files",
		"GET_PRESIGNED_URL": "exposes staged files", "BUILD_SCOPED_FILE_URL": "exposes staged files",
		"BUILD_STAGE_FILE_URL": "exposes staged files", "GET_STAGE_LOCATION": "reads stage locations",
		"GET_RELATIVE_PATH": "reads stage paths", "GET_ABSOLUTE_PATH": "reads stage paths",
		"DIRECTORY": "lists staged files", "VALIDATE": "reads load results", "VALIDATE_PIPE_LOAD": "reads load results",
		"GENERATE_COLUMN_DESCRIPTION": "reads staged files", "EXTERNAL_TABLE_FILES": "lists files",
		"TO_FILE": "reads staged files", "PARSE_DOCUMENT": "reads staged files", "COPY_HISTORY": "reads load history",
		"QUERY_HISTORY": "reads other queries", "QUERY_HISTORY_BY_USER": "reads other queries",
		"QUERY_HISTORY_BY_SESSION": "reads other queries", "QUERY_HISTORY_BY_WAREHOUSE": "reads other queries",
		"LOGIN_HISTORY": "reads logins", "LOGIN_HISTORY_BY_USER": "reads logins", "EXTERNAL_FUNCTION": "calls out",
		"GETVARIABLE": "reads session state", "CURRENT_SESSION": "reads session state",
	}
	snowflakeDeniedPrefixes = map[string]string{"SYSTEM$": "acts on the account (SYSTEM$ functions)", "FL_": "reads staged files"}
)

// deniedFunction returns why d's function name (upper case) may not be called
// in analyst SQL, or "".
func deniedFunction(d dialect.Dialect, name string) string {
	var exact, prefixes, suffixes map[string]string
	switch d {
	case dialect.DuckDB:
		exact, prefixes, suffixes = duckdbDenied, duckdbDeniedPrefixes, duckdbDeniedSuffixes
	case dialect.Snowflake:
		exact, prefixes = snowflakeDenied, snowflakeDeniedPrefixes
	}
	if why, ok := exact[name]; ok {
		return why
	}
	for p, why := range prefixes {
		if strings.HasPrefix(name, p) {
			return why
		}
	}
	for s, why := range suffixes {
		if strings.HasSuffix(name, s) {
			return why
		}
	}
	if d == dialect.Snowflake && strings.Contains(name, "SYSTEM$") {
		return "acts on the account (SYSTEM$ functions)"
	}
	return ""
}
