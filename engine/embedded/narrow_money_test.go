package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The embedded builds compute net amounts in 64-bit decimals within bounds
// and in 128-bit ones beyond (warehouse's netAmountNarrow): orders on both
// sides of every bound, with half-cent results, negative prices and
// discounts outside [0, 1], reach FCT_ORDERS with the amounts Go computes in
// exact decimals, through an incremental refresh and through a full build.
func TestNarrowNetAmountsAreExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.01, 0))

	quantities := []int64{1, 3, 7, 99_999, 100_000, 100_001, 1_000_000_000}
	prices := []datagen.Cents{1, 5, 15, 25, 99_999_999, 100_000_000, 100_000_001, -5, -100_000_001, 12_345_678_901_234}
	discounts := []datagen.BasisPoints{0, 1, 3333, 5000, 9999, 10_000, 10_001, -1, 25_000, 999_999_999}
	loaded := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var orders []datagen.Order
	for _, q := range quantities {
		for _, p := range prices {
			for _, d := range discounts {
				orders = append(orders, datagen.Order{
					ID: 50_000_000 + int64(len(orders)), CustomerID: 1, HasCustomer: true, ProductID: 1, RepID: 1,
					OrderDate: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Quantity: q, UnitPrice: p, Discount: d,
					Status: "Shipped", Channel: "Online", LoadedAt: loaded,
				})
			}
		}
	}
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, warehouse.Names{}, orders))

	check := func(how string) {
		q := `SELECT "ORDER_ID", "GROSS_AMOUNT", "DISCOUNT_AMOUNT", "NET_AMOUNT" FROM ` +
			warehouse.FctOrders().Ref(dialect.DuckDB, warehouse.Names{}) + ` WHERE "ORDER_ID" >= 50000000`
		rows, err := eng.DB().Query(q)
		require.NoError(t, err)
		defer rows.Close()
		seen := 0
		for rows.Next() {
			var id int64
			var gross, disc, net decimal.Decimal
			require.NoError(t, rows.Scan(&id, scan.Decimal(&gross), scan.Decimal(&disc), scan.Decimal(&net)))
			o := orders[id-50_000_000]
			wantGross := decimal.NewFromInt(o.Quantity).Mul(o.UnitPrice.Decimal())
			exact := wantGross.Mul(decimal.NewFromInt(1).Sub(o.Discount.Decimal()))
			wantNet := halfAwayFromZero(exact)
			require.Truef(t, wantNet.Equal(net), "%s: order q=%d p=%s d=%s: net %s, want %s", how, o.Quantity, o.UnitPrice, o.Discount, net, wantNet)
			require.Truef(t, wantGross.Equal(gross), "%s: gross %s, want %s", how, gross, wantGross)
			require.Truef(t, wantGross.Sub(wantNet).Equal(disc), "%s: discount %s, want %s", how, disc, wantGross.Sub(wantNet))
			seen++
		}
		require.NoError(t, rows.Err())
		require.Equal(t, len(orders), seen, how)
	}
	res, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, "incremental", string(res.Kind))
	check("incremental")

	_, err = eng.DB().Exec("DELETE FROM " + warehouse.RefreshState().Ref(dialect.DuckDB, warehouse.Names{}))
	require.NoError(t, err)
	res, err = pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, "full", string(res.Kind))
	check("full")
}

// halfAwayFromZero rounds d to cents, a half cent away from zero, in exact
// decimals.
func halfAwayFromZero(d decimal.Decimal) decimal.Decimal {
	half := decimal.New(5, -3)
	if d.IsNegative() {
		return d.Sub(half).Truncate(2)
	}
	return d.Add(half).Truncate(2)
}
