package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// An incremental refresh reads the earlier facts of the batch's customers only
// within the batch's years (warehouse.PriorFactsSQL, bounded as
// Mart.ScanBound says): one batch dated in two years, 2024 and 2025, leaves
// SALES_BY_CUSTOMER_YEAR as the Go oracle and a full rebuild compute it; a
// bound missing either year, or swapped, would miscount the touched
// customers' rows of that year.
func TestCustomerYearRefreshSpansTheNewFactsYears(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0.02)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, n := eng.DB(), warehouse.Names{}

	at := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	batch := append(g.Arrivals(40_000_000, 40, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), at),
		g.Arrivals(40_001_000, 40, time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC), at)...)
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, batch))
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)

	requireMartsMatchOracle(t, db, oracle(g, validOrders(g, batch...)))
	mart := warehouse.SalesByCustomerYear()
	incremental := readMart(t, db, mart, martKeys[mart.Name]...)
	_, err = db.Exec(`DELETE FROM "MARTS"."REFRESH_STATE"`)
	require.NoError(t, err)
	res, err = pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)
	require.Equal(t, readMart(t, db, mart, martKeys[mart.Name]...), incremental)
}
