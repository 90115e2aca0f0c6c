package embedded_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNamesIdentifyInTheWarehouse counts names in SQL over the loaded scale-1
// warehouse: every rep and every customer has a name of their own, in RAW and in
// FCT_ORDERS, so a report grouped by name has one group per person (issue 12 asks
// for 50 rep names and at least 9,500 customer names).
func TestNamesIdentifyInTheWarehouse(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	mustSetup(t, eng, options(1, 0))
	db := eng.DB()
	for _, tc := range []struct {
		name, sql string
		want      int64
	}{
		{"rep names in RAW", `SELECT COUNT(DISTINCT "REP_NAME") FROM "RAW"."SALES_REPS"`, 50},
		{"customer names in RAW", `SELECT COUNT(DISTINCT "CUSTOMER_NAME") FROM "RAW"."CUSTOMERS"`, 10_000},
		{"reps named twice", `SELECT COUNT(*) FROM (SELECT "REP_NAME" FROM "RAW"."SALES_REPS" GROUP BY 1 HAVING COUNT(*) > 1)`, 0},
		{"rep groups by name minus by id in FCT_ORDERS",
			`SELECT COUNT(DISTINCT "REP_NAME") - COUNT(DISTINCT "REP_ID") FROM "MARTS"."FCT_ORDERS"`, 0},
		{"customer groups by name minus by id in FCT_ORDERS",
			`SELECT COUNT(DISTINCT "CUSTOMER_NAME") - COUNT(DISTINCT "CUSTOMER_ID") FROM "MARTS"."FCT_ORDERS"`, 0},
		{"names carried by more than one id in FCT_ORDERS",
			`SELECT COUNT(*) FROM (SELECT "REP_NAME" FROM "MARTS"."FCT_ORDERS" GROUP BY 1 HAVING COUNT(DISTINCT "REP_ID") > 1)`, 0},
	} {
		var got int64
		require.NoError(t, db.QueryRow(tc.sql).Scan(&got), tc.name)
		require.Equal(t, tc.want, got, tc.name)
	}
}
