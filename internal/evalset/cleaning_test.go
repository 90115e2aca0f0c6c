package evalset_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCleanMatchesStagingOnDirtyData checks clean.sql, the hand-written cleaning
// every expected answer starts from, on a small warehouse where 30% of the orders
// break a quality rule (missing customer, unknown product, bad quantity, future
// date, duplicate id): its valid orders must be exactly FCT_ORDERS' rows, value
// for value. The demo data is clean, so without this check the rules in clean.sql
// would go untested. The marts are read here only to check the cleaning; no
// expected answer reads them.
func TestCleanMatchesStagingOnDirtyData(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a warehouse")
	}
	s := loadSet(t, setDir)
	db := demoWarehouse(t, 0.02, 0.3)

	const cols = `ORDER_ID, CUSTOMER_ID, PRODUCT_ID, REP_ID, ORDER_DATE, QUANTITY, UNIT_PRICE,
		DISCOUNT_PCT, STATUS, CHANNEL, CUSTOMER_NAME, SEGMENT, INDUSTRY, STATE, PRODUCT_NAME,
		CATEGORY, REP_NAME, REGION, ORDER_MONTH, ORDER_QUARTER, ORDER_YEAR, IS_DISCOUNTED`
	// Both sides as CTEs after clean.sql's WITH clause: mine, the valid orders of
	// clean.sql; fct, the mart.
	both := s.Clean + ", mine AS (SELECT " + cols + ", GROSS, NET FROM ords), " +
		"fct AS (SELECT " + cols + ", GROSS_AMOUNT, NET_AMOUNT FROM MARTS.FCT_ORDERS)\n"
	count := func(q string) int64 {
		t.Helper()
		var n int64
		require.NoError(t, db.QueryRow(q).Scan(&n), q)
		return n
	}
	var raw int64
	require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM RAW.ORDERS").Scan(&raw))
	fct := count("SELECT COUNT(*) FROM MARTS.FCT_ORDERS")
	require.Less(t, fct, raw*8/10, "the dirty rows are left out of the marts")
	require.Equal(t, fct, count(both+"SELECT COUNT(*) FROM mine"), "clean.sql keeps as many orders as FCT_ORDERS")
	require.Zero(t, count(both+"SELECT COUNT(*) FROM (SELECT * FROM mine EXCEPT ALL SELECT * FROM fct) x"),
		"every order clean.sql keeps is in FCT_ORDERS, with the same values")
	require.Zero(t, count(both+"SELECT COUNT(*) FROM (SELECT * FROM fct EXCEPT ALL SELECT * FROM mine) x"),
		"every FCT_ORDERS row is kept by clean.sql")
}
