package semantic_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestSalesModelHasTheSpecifiedFields(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	require.Empty(t, m.Warnings(), "the sales model parses without warnings")
	count := map[semantic.FieldKind]int{}
	for _, f := range m.Fields() {
		count[f.Kind]++
		require.NotEmpty(t, f.Description, "%s has a description", f.Name)
		require.NotEmpty(t, f.Synonyms, "%s has synonyms", f.Name)
	}
	require.Equal(t, 18, count[semantic.KindDimension])
	require.Equal(t, 9, count[semantic.KindTimeDimension])
	require.Equal(t, 21, count[semantic.KindMetric]) // 17 over orders and the other tables, quota attainment across them
	require.GreaterOrEqual(t, count[semantic.KindFilter], 3)

	questions := map[string]bool{}
	for _, q := range m.VerifiedQueries {
		questions[q.Question] = true
	}
	for _, q := range []string{"What was total revenue last month?", "Top 10 products by revenue", "Sales by region"} {
		require.True(t, questions[q], "verified query %q", q)
	}
}

// catalogOf describes warehouse tables as the engines would, without an engine.
type catalogOf struct {
	d      dialect.Dialect
	tables []warehouse.Table
}

func (c catalogOf) Columns(_ context.Context, bt semantic.BaseTable) ([]semantic.CatalogColumn, error) {
	names := warehouse.DefaultNames()
	for _, t := range c.tables {
		if strings.EqualFold(names.SchemaFor(t.Layer), bt.Schema) && strings.EqualFold(t.Name, bt.Table) {
			out := make([]semantic.CatalogColumn, len(t.Columns))
			for i, col := range t.Columns {
				out[i] = semantic.CatalogColumn{Name: col.Name, DataType: semantic.DataType(c.d.TypeName(col.Type))}
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("%w: %s.%s", semantic.ErrTableNotFound, bt.Schema, bt.Table)
}

// modelTables are the warehouse tables the sales model's logical tables sit on.
func modelTables() []warehouse.Table {
	return []warehouse.Table{warehouse.FctOrders(), warehouse.SalesByCustomer(), warehouse.StgSalesReps(), warehouse.StgProducts()}
}

func TestSalesModelFitsThePlannedSchema(t *testing.T) {
	t.Parallel()
	for _, d := range dialect.All() {
		cat := catalogOf{d: d, tables: modelTables()}
		require.NoError(t, semantic.SalesModel().ValidateLive(context.Background(), cat), d)
	}
}

func TestValidateLiveReportsEveryMismatch(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModelFor("", "")
	orders := &m.Tables[0]
	orders.Dimensions[2].Expr = "CUSTOMER_FULL_NAME"      // renamed column
	orders.TimeDimensions[2].DataType = "VARCHAR"         // ORDER_MONTH is a DATE
	orders.Facts[0].DataType = "NUMBER(38,4)"             // NET_AMOUNT has scale 2
	orders.Filters[0].Expr = "ORDER_STATUS = 'Completed'" // renamed column
	cat := catalogOf{d: dialect.DuckDB, tables: modelTables()}
	err := m.ValidateLive(context.Background(), cat)
	require.ErrorIs(t, err, semantic.ErrInvalidModel)
	var perr *semantic.Error
	require.ErrorAs(t, err, &perr)
	require.Len(t, perr.Problems, 4, err.Error())
	msg := err.Error()
	require.Contains(t, msg, "sales_model.yaml:")
	require.Contains(t, msg, "column CUSTOMER_FULL_NAME is not in SALES_ANALYTICS_DB.MARTS.FCT_ORDERS")
	require.Contains(t, msg, "data_type VARCHAR does not fit column ORDER_MONTH of type DATE")
	require.Contains(t, msg, "data_type NUMBER(38,4) does not fit column NET_AMOUNT of type DECIMAL(38,2)")
	require.Contains(t, msg, "column ORDER_STATUS is not in")

	m2 := semantic.SalesModelFor("", "ELSEWHERE")
	err = m2.ValidateLive(context.Background(), cat)
	require.ErrorContains(t, err, "table SALES_ANALYTICS_DB.ELSEWHERE.FCT_ORDERS does not exist")
}

func TestLookupByNameSynonymAndQualifiedName(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	for _, tc := range []struct{ in, want string }{
		{"total_revenue", "total_revenue"},
		{"Revenue", "total_revenue"},
		{"AOV", "average_order_value"},
		{"orders.REGION", "region"},
		{"  territory ", "region"},
		{"month", "order_month"},
	} {
		f, err := m.Lookup(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, f.Name, tc.in)
	}

	_, err := m.Lookup("revenu", semantic.KindMetric)
	var lerr *semantic.LookupError
	require.ErrorAs(t, err, &lerr)
	require.ErrorIs(t, err, semantic.ErrUnknownField)
	require.Equal(t, "revenue", lerr.Closest)
	require.Contains(t, lerr.Valid, "total_revenue")
	require.NotContains(t, lerr.Valid, "region", "only metrics listed")
	require.Contains(t, err.Error(), `unknown metric "revenu"; did you mean "revenue"?`)

	_, err = m.Lookup("region", semantic.KindMetric)
	require.ErrorContains(t, err, "unknown metric")

	rel, err := semantic.ParseFile("testdata/valid/relationships.yaml")
	require.NoError(t, err)
	_, err = rel.Lookup("customer_id")
	require.ErrorContains(t, err, "ambiguous: qualify it as one of customers.customer_id, orders.customer_id")
	f, err := rel.Lookup("customers.customer_id")
	require.NoError(t, err)
	require.Equal(t, "customers", f.Table)
}

func TestFieldsFollowDeclarationOrder(t *testing.T) {
	t.Parallel()
	fields := semantic.SalesModel().Fields()
	require.Equal(t, "order_id", fields[0].Name)
	require.Equal(t, "state", fields[14].Name)
	require.Equal(t, "order_date", fields[15].Name)
	require.Equal(t, "net_amount", fields[20].Name)
	require.Equal(t, "total_revenue", fields[26].Name)
	require.Equal(t, "online_orders", fields[43].Name, "the orders table's fields, then the other tables'")
	require.Equal(t, "customer_key", fields[44].Name)
}

func TestEnumsAndTypes(t *testing.T) {
	t.Parallel()
	require.True(t, semantic.AggCountDistinct.Valid())
	require.False(t, semantic.Aggregation("SUM").Valid())
	require.True(t, semantic.JoinLeftOuter.Valid())
	require.False(t, semantic.JoinFullOuter.Valid(), "deprecated values are not Valid")
	require.True(t, semantic.ManyToOne.Valid())
	for in, fam := range map[semantic.DataType]semantic.TypeFamily{
		"varchar(16777216)": semantic.FamilyText, "NUMBER(38,2)": semantic.FamilyNumber,
		"timestamp_ntz": semantic.FamilyTimestamp, "date": semantic.FamilyDate,
		"VARIANT": semantic.FamilySemiStructured, "BIGINT": semantic.FamilyNumber,
		"DOUBLE": semantic.FamilyFloat, "nonsense(": semantic.FamilyUnknown,
	} {
		require.Equal(t, fam, in.Family(), in)
	}
	s, ok := semantic.DataType("NUMBER(38,2)").Scale()
	require.True(t, ok)
	require.Equal(t, 2, s)
}

func TestParseRefusesOversizedModels(t *testing.T) {
	t.Parallel()
	data := []byte("name: big\ndescription: \"" + strings.Repeat("x", semantic.MaxModelSize) + "\"\n")
	_, err := semantic.Parse("big.yaml", data)
	require.ErrorContains(t, err, "big.yaml:1:1")
	require.ErrorContains(t, err, "a semantic model may be at most 8388608")
}

func TestSalesModelCopiesDoNotShareState(t *testing.T) {
	t.Parallel()
	a := semantic.SalesModel()
	a.Tables[0].Name = "changed"
	a.Tables[0].Dimensions[0].Synonyms = append(a.Tables[0].Dimensions[0].Synonyms[:0], "changed")
	b := semantic.SalesModel()
	require.Equal(t, "orders", b.Tables[0].Name, "a caller's change must not reach the next caller")
	require.NotContains(t, b.Tables[0].Dimensions[0].Synonyms, "changed")
}
