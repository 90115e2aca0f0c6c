package marts

import (
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// allRows returns a fresh value of every row type.
func allRows() []row {
	return []row{&FctOrder{}, &DailySales{}, &SalesByRegion{}, &SalesByProduct{}, &SalesByCustomer{}, &SalesByRep{}, &SalesByCustomerYear{}, &SalesByMonth{}, &SalesByYear{}, &SalesByRegionYear{}, &SalesByRepYear{}, &SalesBySegmentYear{}, &SalesByIndustryYear{}, &SalesByRegionCategory{}}
}

// goTypeFor is the Go type a column of the warehouse definition must have.
func goTypeFor(c warehouse.Column) reflect.Type {
	switch c.Type.Kind {
	case dialect.KindDecimal:
		if c.Nullable {
			return reflect.TypeFor[decimal.NullDecimal]()
		}
		return reflect.TypeFor[decimal.Decimal]()
	case dialect.KindInt:
		return reflect.TypeFor[int64]()
	case dialect.KindDate, dialect.KindTimestamp:
		return reflect.TypeFor[time.Time]()
	case dialect.KindBool:
		return reflect.TypeFor[bool]()
	}
	return reflect.TypeFor[string]()
}

// TestRowsMatchWarehouse holds every row struct to its table's definition: one
// field per column, in order, named by its tag, of the column's Go type; and the
// scan targets point at those fields in that order.
func TestRowsMatchWarehouse(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, r := range allRows() {
		tbl := r.table()
		covered[tbl.Name] = true
		t.Run(tbl.Name, func(t *testing.T) {
			rt := reflect.TypeOf(r).Elem()
			require.Equal(t, len(tbl.Columns), rt.NumField(), "%s has %d fields for %d columns", rt.Name(), rt.NumField(), len(tbl.Columns))
			for i, c := range tbl.Columns {
				f := rt.Field(i)
				require.Equal(t, c.Name, f.Tag.Get("db"), "%s field %d", rt.Name(), i)
				require.Equal(t, goTypeFor(c), f.Type, "%s.%s for column %s %s (nullable %v)", rt.Name(), f.Name, c.Name, c.Type, c.Nullable)
				if c.Nullable {
					require.Equal(t, dialect.KindDecimal, c.Type.Kind, "only nullable decimals are mapped")
				}
			}
			dest := r.dest()
			require.Len(t, dest, len(tbl.Columns))
			v := reflect.ValueOf(r).Elem()
			for i, d := range dest {
				require.Equal(t, v.Field(i).Addr().Pointer(), targetOf(t, d), "scan target %d of %s is not field %s", i, rt.Name(), rt.Field(i).Name)
			}
		})
	}
	for _, m := range warehouse.MartTables() {
		require.True(t, covered[m.Name], "mart %s has no row type", m.Name)
	}
}

// targetOf returns the address a scan target writes to.
func targetOf(t *testing.T, d any) uintptr {
	t.Helper()
	v := reflect.ValueOf(d)
	if v.Kind() == reflect.Pointer {
		return v.Pointer()
	}
	// a scanner struct whose first field is the destination pointer
	require.Equal(t, reflect.Struct, v.Kind(), "scan target %T", d)
	return v.Field(0).Pointer()
}

func TestSelectSQLQuotesWarehouseNames(t *testing.T) {
	t.Parallel()
	q := New(nil, dialect.Snowflake, warehouse.Names{Database: "DB"})
	got := q.SelectSQL(warehouse.SalesByRep())
	require.Equal(t, `SELECT "REP_ID", "REP_NAME", "REGION", "MONTH", "REVENUE", "ORDERS", "CUSTOMERS", "ANNUAL_QUOTA", "MONTHLY_QUOTA", "QUOTA_ATTAINMENT" FROM "DB"."MARTS"."SALES_BY_REP"`, got)
}

func TestWhereBindsValues(t *testing.T) {
	t.Parallel()
	q := New(nil, dialect.DuckDB, warehouse.Names{})
	w := q.where()
	w.dates("ORDER_DATE", DateRange{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	w.in("REGION", []string{"North", `x'); DROP TABLE t; --`})
	w.ints("REP_ID", []int64{7})
	got := w.sql([]string{"ORDER_ID"})
	require.Equal(t, ` WHERE "ORDER_DATE" >= CAST(? AS DATE) AND "REGION" IN (?, ?) AND "REP_ID" IN (?) ORDER BY "ORDER_ID"`, got)
	require.Equal(t, []any{"2025-01-01", "North", `x'); DROP TABLE t; --`, int64(7)}, w.args)
}

func TestIntScannerRefusesFractions(t *testing.T) {
	t.Parallel()
	var n int64
	require.NoError(t, intOf(&n).Scan("42"))
	require.Equal(t, int64(42), n)
	require.Error(t, intOf(&n).Scan("4.5"))
	require.Error(t, intOf(&n).Scan("99999999999999999999"))
	require.Error(t, intOf(&n).Scan(1.5))
}

func TestCollectStopsAtFirstError(t *testing.T) {
	t.Parallel()
	seq := func(yield func(int, error) bool) {
		if !yield(1, nil) {
			return
		}
		yield(0, errType("x", 1))
	}
	_, err := Collect(seq)
	require.Error(t, err)
}
