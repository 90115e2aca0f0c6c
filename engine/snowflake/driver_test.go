package snowflake_test

import (
	"context"
	"crypto/md5"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/snowflakedb/gosnowflake"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
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

	// NUMBER arrives as the server's exact text in the JSON result format, also
	// beyond float64's 2^53 (the Arrow format's Int64 path would round it).
	var big string
	require.NoError(t, db.QueryRow(`SELECT CAST('90071992547409.93' AS NUMBER(38,2))`).Scan(&big))
	require.Equal(t, "90071992547409.93", big)
	var exact decimal.Decimal
	require.NoError(t, db.QueryRow(`SELECT CAST('123456789012345678901234567890123456.78' AS NUMBER(38,2))`).Scan(scan.Decimal(&exact)))
	require.Equal(t, "123456789012345678901234567890123456.78", exact.StringFixed(2))

	_, err = db.Query(`SELECT * FROM "T"."S"."MISSING"`)
	var sfErr *gosnowflake.SnowflakeError
	require.True(t, errors.As(err, &sfErr), "%T %v", err, err)
	require.Equal(t, 2003, sfErr.Number)
	require.Equal(t, "42S02", sfErr.SQLState)
}

// TestPutFromAStreamContract pins the PUT exchange the model upload relies on:
// a PUT from an in-memory stream (gosnowflake.WithFileStream) to a stage lands
// the exact bytes — the driver reads the stream twice, which StageModel's
// reader survives — and LIST shows the file with its size and MD5; a PUT to a
// stage that does not exist fails, naming it.
func TestPutFromAStreamContract(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	db := f.eng.DB()
	n := warehouse.Names{Database: "T", Semantic: "S", Stage: "MODELS"}
	for _, stmt := range []string{`CREATE DATABASE IF NOT EXISTS "T"`, `CREATE SCHEMA IF NOT EXISTS "T"."S"`,
		`CREATE STAGE IF NOT EXISTS "T"."S"."MODELS" DIRECTORY = (ENABLE = TRUE)`} {
		_, err := db.Exec(stmt)
		require.NoError(t, err, stmt)
	}
	content := []byte(strings.Repeat("name: sales — ünïcode ×\n", 500)) // > one 4 KiB buffer
	require.NoError(t, f.eng.StageModel(ctx, n, "model.yaml", content))
	require.NoError(t, f.eng.StageModel(ctx, n, "model.yaml", content[:100]), "OVERWRITE replaces the file")

	rows, err := db.Query(`LIST @"T"."S"."MODELS"`)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name, md5sum, modified string
		var size int64
		require.NoError(t, rows.Scan(&name, &size, &md5sum, &modified))
		got = append(got, fmt.Sprintf("%s %d %s", name, size, md5sum))
	}
	require.NoError(t, rows.Err())
	sum := md5.Sum(content[:100])
	require.Equal(t, []string{fmt.Sprintf("models/model.yaml 100 %x", sum)}, got)

	files, err := f.eng.StagedFiles(ctx, n)
	require.NoError(t, err)
	require.Equal(t, map[string]int64{"model.yaml": 100}, files)

	missing := n
	missing.Stage = "NOPE"
	err = f.eng.StageModel(ctx, missing, "model.yaml", content)
	require.ErrorContains(t, err, `PUT model.yaml to @"T"."S"."NOPE"`)
	require.ErrorContains(t, err, "does not exist")
	require.Error(t, f.eng.StageModel(ctx, n, "../x.yaml", content), "a path is not a file name")
}

// TestMultiStatementIsOffContract: without gosnowflake.WithMultiStatement a
// request holding two statements is refused (error 000008), as on Snowflake,
// so a value spliced into SQL could never run a second statement; with it, both
// run.
func TestMultiStatementIsOffContract(t *testing.T) {
	f := startFake(t)
	db := f.eng.DB()
	_, err := db.Exec(`SELECT 1; SELECT 2`)
	var sfErr *gosnowflake.SnowflakeError
	require.True(t, errors.As(err, &sfErr), "%T %v", err, err)
	require.Equal(t, 8, sfErr.Number)
	var v string
	require.NoError(t, db.QueryRow(`SELECT 'a;b'`).Scan(&v), "a semicolon in a literal is not a second statement")
	require.Equal(t, "a;b", v)
}

// TestDivisionContract sends the loopback server SQL whose meaning depends on
// precedence or on Snowflake's exact NUMBER division and expects Snowflake's
// answer, worked by hand from its rules: * / % bind tighter than + -, associate
// to the left, and a quotient has scale max(s1, min(s1 + 6, 12)), rounded half
// away from zero. (The server returns quotients as NUMBER(38,12); the values are
// compared, not their scale.)
func TestDivisionContract(t *testing.T) {
	t.Parallel()
	f := startFake(t)
	db := f.eng.DB()
	for _, c := range []struct{ sql, want string }{
		{`SELECT 10 - 4 / 2`, "8"},
		{`SELECT (10 - 4) / 2`, "3"},
		{`SELECT ROUND(10 - 3 / NULLIF(4, 0), 2)`, "9.25"},
		{`SELECT ROUND((10 - 3) / NULLIF(4, 0), 2)`, "1.75"},
		{`SELECT 2 / 3 * 3`, "2.000001"}, // 2/3 = 0.666667 at scale 6, then × 3
		{`SELECT 2 * 3 / 4`, "1.5"},
		{`SELECT 1 / 3`, "0.333333"},
		{`SELECT 7.00 / 3`, "2.33333333"}, // scale 2 + 6
		{`SELECT -6 / 4`, "-1.5"},
		{`SELECT ROUND(1 / 8, 2)`, "0.13"},
		{`SELECT ROUND(-1 / 8, 2)`, "-0.13"},
		{`SELECT 24 / 2 / 3`, "4"},
		{`SELECT CASE WHEN 1 = 1 THEN 9 END / 3`, "3"},
		{`SELECT SUM(x) OVER () / COUNT(*) OVER () FROM (VALUES (1), (2)) t(x)`, "1.5"},
		{`SELECT ROUND(CAST(1234.56 AS NUMBER(38,2)) - CAST(1000.00 AS NUMBER(38,2)) / NULLIF(CAST(1000.00 AS NUMBER(38,2)), 0), 4)`, "1233.56"},
	} {
		var got string
		require.NoError(t, db.QueryRow(c.sql).Scan(&got), c.sql)
		require.True(t, decimal.RequireFromString(c.want).Equal(decimal.RequireFromString(got)), "%s = %s, Snowflake gives %s", c.sql, got, c.want)
	}
	var s string
	require.NoError(t, db.QueryRow(`SELECT '4 / 2'`).Scan(&s))
	require.Equal(t, "4 / 2", s, "text in quotes is not divided")
	_, err := db.Exec(`SELECT 1 / 0`)
	require.ErrorContains(t, err, "Division by zero")
}
