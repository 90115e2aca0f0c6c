package sqlparse

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Functions a model expression may call, per dialect: aggregates and pure
// scalar functions. Nothing that reads files or the network, reads other
// queries, changes state or calls out (DuckDB's read_*, glob, query, nextval;
// Snowflake's SYSTEM$…, RESULT_SCAN, stage functions) is on either list, nor
// anything that builds a value of any size from a small input (LPAD and RPAD,
// whose width drove DuckDB to 18.5 GiB; REPEAT, SPACE, printf-style padding). A
// compiler may extend a list only by naming functions explicitly
// (query.Options.AllowFunctions).
var (
	commonFunctions = []string{
		// aggregates
		"SUM", "AVG", "COUNT", "MIN", "MAX", "MEDIAN", "ANY_VALUE", "COUNT_IF",
		"APPROX_COUNT_DISTINCT", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE",
		"VAR_POP", "VAR_SAMP", "MODE", "CORR", "COVAR_POP", "COVAR_SAMP", "KURTOSIS",
		"SKEWNESS", "BOOL_AND", "BOOL_OR", "LISTAGG", "STRING_AGG",
		// conditionals
		"NULLIF", "COALESCE", "IFNULL", "GREATEST", "LEAST",
		// numbers
		"ROUND", "ABS", "FLOOR", "CEIL", "CEILING", "SIGN", "MOD", "POWER", "POW", "SQRT",
		"EXP", "LN", "LOG", "TRUNC",
		// text
		"UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "CONCAT", "SUBSTR", "SUBSTRING",
		"LEFT", "RIGHT", "REPLACE", "LENGTH", "REVERSE", "STARTS_WITH",
		"CONTAINS", "INITCAP", "POSITION", "SPLIT_PART", "REGEXP_REPLACE", "REGEXP_LIKE",
		// dates
		"YEAR", "MONTH", "DAY", "QUARTER", "WEEK", "DAYOFWEEK", "DAYOFYEAR", "DATEDIFF",
		"DATE_DIFF", "DATE_TRUNC", "DATE_PART", "LAST_DAY", "DAYNAME", "MONTHNAME",
	}
	snowflakeFunctions = []string{
		"IFF", "NVL", "NVL2", "ZEROIFNULL", "NULLIFZERO", "DIV0", "DIV0NULL", "DATEADD",
		"TO_DATE", "TO_CHAR", "TO_VARCHAR", "TO_NUMBER", "TO_DECIMAL", "TRY_TO_NUMBER",
		"TRY_TO_DATE", "ARRAY_AGG", "SUM_IF", "AVG_IF", "BOOLAND_AGG", "BOOLOR_AGG",
		"HLL", "APPROX_PERCENTILE", "CHARINDEX", "EDITDISTANCE", "SQUARE", "RATIO_TO_REPORT",
	}
	duckdbFunctions = []string{
		"IF", "LIST", "ARRAY_AGG", "SUM_IF", "AVG_IF", "APPROX_QUANTILE", "QUANTILE_CONT",
		"QUANTILE_DISC", "STRFTIME", "STRPTIME", "DATE_ADD", "DATE_SUB", "MAKE_DATE",
		"EPOCH", "ISODOW", "ISOYEAR", "FAVG", "FSUM", "ARG_MAX", "ARG_MIN", "INSTR",
	}
)

// Allowed reports whether a model expression compiled for d may call the
// function name (case-insensitive).
func Allowed(d dialect.Dialect, name string) bool {
	name = strings.ToUpper(name)
	if slices.Contains(commonFunctions, name) {
		return true
	}
	switch d {
	case dialect.Snowflake:
		return slices.Contains(snowflakeFunctions, name)
	case dialect.DuckDB:
		return slices.Contains(duckdbFunctions, name)
	}
	return false
}

// AllowedFunctions lists the functions [Allowed] accepts for d, sorted.
func AllowedFunctions(d dialect.Dialect) []string {
	out := slices.Clone(commonFunctions)
	switch d {
	case dialect.Snowflake:
		out = append(out, snowflakeFunctions...)
	case dialect.DuckDB:
		out = append(out, duckdbFunctions...)
	}
	slices.Sort(out)
	return out
}
