package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The sales model must fit the marts as the embedded engine reports them through
// information_schema: every base table and column, with compatible types.
func TestSalesModelValidatesAgainstTheEmbeddedSchema(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	ctx := context.Background()
	for _, schema := range []string{"MARTS", "STAGING"} {
		_, err := eng.DB().Exec(`CREATE SCHEMA IF NOT EXISTS "` + schema + `"`)
		require.NoError(t, err)
	}
	// The tables the model's logical tables sit on: orders, customers, sales
	// reps and products.
	for _, tbl := range []warehouse.Table{warehouse.FctOrders(), warehouse.SalesByCustomer(), warehouse.StgSalesReps(), warehouse.StgProducts()} {
		_, err := eng.DB().Exec(tbl.CreateSQL(dialect.DuckDB, warehouse.Names{}, true))
		require.NoError(t, err)
	}

	cat := semantic.InformationSchema(eng.DB(), false)
	require.NoError(t, semantic.SalesModel().ValidateLive(ctx, cat))

	// A renamed column is caught, with its place in the YAML.
	_, err := eng.DB().Exec(`ALTER TABLE "MARTS"."FCT_ORDERS" RENAME COLUMN "ORDER_MONTH" TO "MONTH"`)
	require.NoError(t, err)
	err = semantic.SalesModel().ValidateLive(ctx, cat)
	require.ErrorIs(t, err, semantic.ErrInvalidModel)
	require.ErrorContains(t, err, "sales_model.yaml:")
	require.ErrorContains(t, err, "time_dimensions[2].expr: column ORDER_MONTH is not in SALES_ANALYTICS_DB.MARTS.FCT_ORDERS")
}
