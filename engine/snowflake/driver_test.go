package snowflake_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/snowflakedb/gosnowflake"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/scan"
)

// TestDriverContract runs the value types, DML counts, errors and transactions
// the pipeline relies on through the real gosnowflake driver and the loopback
// server, and checks what comes back exactly.
func TestDriverContract(t *testing.T) {
	f := startFake(t)
	db := f.eng.DB()
	for _, stmt := range []string{
		`CREATE DATABASE IF NOT EXISTS "T"`,
		`CREATE SCHEMA IF NOT EXISTS "T"."S"`,
		`CREATE TABLE "T"."S"."X" ("ID" NUMBER(38,0), "NAME" VARCHAR, "AMOUNT" NUMBER(38,2), "D" DATE, "TS" TIMESTAMP_NTZ, "FLAG" BOOLEAN)`,
	} {
		_, err := db.Exec(stmt)
		require.NoError(t, err, stmt)
	}
	ts := time.Date(2024, 1, 15, 10, 30, 45, 123456789, time.UTC)
	before1970 := time.Date(1969, 12, 31, 23, 59, 58, 500_000_000, time.UTC)
	res, err := db.Exec(`INSERT INTO "T"."S"."X" VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)`,
		1, "alpha", decimal.RequireFromString("12345.67"), time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), ts, true,
		2, nil, nil, nil, nil, nil,
		3, "ünï 'q'", decimal.RequireFromString("-0.50"), time.Date(1969, 7, 20, 0, 0, 0, 0, time.UTC), before1970, false)
	require.NoError(t, err)
	n, err := res.RowsAffected()
	require.NoError(t, err)
	require.EqualValues(t, 3, n)

	rows, err := db.Query(`SELECT "ID", "NAME", "AMOUNT", "D", "TS", "FLAG" FROM "T"."S"."X" ORDER BY "ID"`)
	require.NoError(t, err)
	types, err := rows.ColumnTypes()
	require.NoError(t, err)
	var names []string
	for _, c := range types {
		names = append(names, c.DatabaseTypeName())
	}
	require.Equal(t, []string{"FIXED", "TEXT", "FIXED", "DATE", "TIMESTAMP_NTZ", "BOOLEAN"}, names)
	p, s, ok := types[2].DecimalSize()
	require.True(t, ok)
	require.Equal(t, [2]int64{38, 2}, [2]int64{p, s})

	type row struct {
		id     int64
		name   *string
		amount decimal.NullDecimal
		d, ts  *time.Time
		flag   *bool
	}
	var got []row
	for rows.Next() {
		var r row
		require.NoError(t, rows.Scan(&r.id, &r.name, scan.NullDecimal(&r.amount), &r.d, &r.ts, &r.flag))
		got = append(got, r)
	}
	require.NoError(t, rows.Err())
	require.Len(t, got, 3)
	require.Equal(t, "alpha", *got[0].name)
	require.Equal(t, "12345.67", got[0].amount.Decimal.StringFixed(2))
	require.Equal(t, "2024-01-15", got[0].d.Format(time.DateOnly))
	require.True(t, got[0].ts.Equal(ts), "%s", got[0].ts)
	require.True(t, *got[0].flag)
	require.Nil(t, got[1].name)
	require.False(t, got[1].amount.Valid)
	require.Nil(t, got[1].d)
	require.Nil(t, got[1].ts)
	require.Nil(t, got[1].flag)
	require.Equal(t, "ünï 'q'", *got[2].name)
	require.Equal(t, "-0.50", got[2].amount.Decimal.StringFixed(2))
	require.Equal(t, "1969-07-20", got[2].d.Format(time.DateOnly))
	require.True(t, got[2].ts.Equal(before1970), "%s", got[2].ts)
	require.False(t, *got[2].flag)

	res, err = db.Exec(`UPDATE "T"."S"."X" SET "FLAG" = ? WHERE "ID" <> ?`, true, 1)
	require.NoError(t, err)
	n, _ = res.RowsAffected()
	require.EqualValues(t, 2, n)

	tx, err := db.Begin()
	require.NoError(t, err)
	_, err = tx.Exec(`DELETE FROM "T"."S"."X"`)
	require.NoError(t, err)
	require.NoError(t, tx.Rollback())
	var count int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "T"."S"."X"`).Scan(&count))
	require.EqualValues(t, 3, count, "a rolled-back DELETE must leave the rows")

	_, err = db.Query(`SELECT * FROM "T"."S"."MISSING"`)
	var sfErr *gosnowflake.SnowflakeError
	require.True(t, errors.As(err, &sfErr), "%T %v", err, err)
	require.Equal(t, 2003, sfErr.Number)
	require.Equal(t, "42S02", sfErr.SQLState)
}
