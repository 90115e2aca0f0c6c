// Package scan reads exact decimals out of database/sql rows from either engine.
//
// DuckDB hands DECIMAL values back as its own Decimal struct, which shopspring's
// decimal.Decimal cannot scan; gosnowflake in JSON mode hands NUMBER(p,s) back as
// exact text. [Decimal] accepts both, and refuses float64 outright: a float on a
// money path is a bug, not a value.
//
//	var revenue decimal.Decimal
//	err := db.QueryRowContext(ctx, `SELECT SUM("NET_AMOUNT") FROM "MARTS"."FCT_ORDERS"`).
//		Scan(scan.Decimal(&revenue))
//
// The package imports no driver, so it builds with CGO_ENABLED=0.
package scan
