// Package dialect holds the few SQL differences between the two engines the SDK
// speaks to: Snowflake in production and embedded DuckDB by default.
//
// A Dialect is a small closed value, not an interface: identifier quoting, how a
// table is qualified, column type names, time truncation and a handful of DDL
// choices. Everything else in the SDK writes one SQL text for both engines.
//
//	d := dialect.Snowflake
//	fmt.Println(d.Quote(`ORDERS`))                 // "ORDERS"
//	fmt.Println(d.DateTrunc(dialect.Month, `"ORDER_DATE"`))
//
// Both engines take `?` placeholders; Snowflake reads `$1` as a staged-file column,
// so the SDK never emits numbered placeholders.
package dialect
