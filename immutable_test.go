package salesanalytics_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TestNoSharedMutableState: what a caller gets from the SDK's definitions is its
// own copy; changing it changes nothing for the next caller.
func TestNoSharedMutableState(t *testing.T) {
	t.Parallel()
	fct := warehouse.FctOrders()
	fct.Columns[0].Name = "CHANGED"
	fct.Name = "CHANGED"
	require.Equal(t, "ORDER_ID", warehouse.FctOrders().Columns[0].Name)
	require.Equal(t, "FCT_ORDERS", warehouse.AllMarts()[0].Table.Name)
	mart := warehouse.AllMarts()[1]
	mart.Table.Columns[0].Name = "CHANGED"
	require.NotEqual(t, "CHANGED", warehouse.AllMarts()[1].Table.Columns[0].Name)

	regions := datagen.Regions()
	regions[0] = "CHANGED"
	require.Equal(t, "North", datagen.Regions()[0])
	require.Equal(t, 2025, datagen.DefaultEnd().Year())

	m := semantic.SalesModel()
	m.Tables[0].Name = "changed"
	require.Equal(t, "orders", semantic.SalesModel().Tables[0].Name)

	asOf := warehouse.DefaultAsOf()
	asOf = asOf.AddDate(1, 0, 0)
	require.Equal(t, 2026, warehouse.DefaultAsOf().Year(), "%s", asOf)
}

func TestTableListsAreCopies(t *testing.T) {
	t.Parallel()
	for _, list := range []func() []warehouse.Table{warehouse.RawTables, warehouse.StagingViews, warehouse.MartTables} {
		got := list()
		got[0].Columns[0].Name = "CHANGED"
		require.NotEqual(t, "CHANGED", list()[0].Columns[0].Name)
	}
}
