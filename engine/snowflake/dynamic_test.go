package snowflake_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestParseDynamicTables(t *testing.T) {
	st, err := snowflake.ParseDynamicTables([]map[string]string{
		{"name": "FCT_ORDERS", "target_lag": "5 minutes", "refresh_mode": "INCREMENTAL", "scheduling_state": "ACTIVE", "data_timestamp": "1767268680.000000000 1440"},
		{"name": "DAILY_SALES", "target_lag": "1 hour", "refresh_mode": "FULL", "scheduling_state": "SUSPENDED", "data_timestamp": "2026-01-01T11:00:00Z"},
	})
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 1, 1, 11, 58, 0, 0, time.UTC), st[0].DataTimestamp)
	require.Equal(t, 5*time.Minute, st[0].TargetLag)
	require.Equal(t, "ACTIVE", st[0].State)
	require.Equal(t, time.Date(2026, 1, 1, 11, 0, 0, 0, time.UTC), st[1].DataTimestamp)
	require.Equal(t, "SUSPENDED", st[1].State)
	_, err = snowflake.ParseDynamicTables([]map[string]string{{"name": "X", "target_lag": "soon"}})
	require.ErrorContains(t, err, `dynamic table X: target_lag "soon"`)
	require.Equal(t, []string{`ALTER DYNAMIC TABLE "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" REFRESH`}, snowflake.RefreshDynamicTablesSQL(warehouse.Names{})[:1])
}
