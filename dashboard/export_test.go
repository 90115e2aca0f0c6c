package dashboard_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestExportsAreExact: every table of every view writes as CSV and JSON, every
// money cell parses back to the exact decimal of the typed value, nulls stay null.
func TestExportsAreExact(t *testing.T) {
	t.Parallel()
	d := newDash(t, shared(t).DB(), dashboard.Options{})
	ctx := context.Background()
	f := dashboard.Filter{From: date("2024-01-01"), To: date("2024-03-31")}
	ex, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	rg, err := d.Regional(ctx, f, dashboard.RegionalOptions{Region: "East"})
	require.NoError(t, err)
	pr, err := d.Product(ctx, f, dashboard.ProductOptions{Product: 1})
	require.NoError(t, err)
	rp, err := d.Reps(ctx, f, dashboard.RepsOptions{Rep: 1})
	require.NoError(t, err)
	cu, err := d.Customers(ctx, f, dashboard.CustomersOptions{})
	require.NoError(t, err)
	for _, v := range []dashboard.Exporter{ex, rg, pr, rp, cu} {
		tables := v.Tables()
		require.NotEmpty(t, tables)
		var js bytes.Buffer
		require.NoError(t, dashboard.WriteJSON(&js, tables))
		var back struct {
			Tables []struct {
				Name string               `json:"name"`
				Rows []map[string]*string `json:"rows"`
			} `json:"tables"`
		}
		require.NoError(t, json.Unmarshal(js.Bytes(), &back))
		require.Len(t, back.Tables, len(tables))
		for i, tb := range tables {
			var c bytes.Buffer
			require.NoError(t, dashboard.WriteCSV(&c, tb))
			recs, err := csv.NewReader(&c).ReadAll()
			require.NoError(t, err)
			require.Len(t, recs, len(tb.Rows)+1, tb.Name)
			require.Equal(t, tb.Columns, recs[0])
			for r, row := range tb.Rows {
				for j, cell := range row {
					require.Equal(t, cell.Text, recs[r+1][j])
					got := back.Tables[i].Rows[r][tb.Columns[j]]
					if cell.Null {
						require.Nil(t, got, "%s.%s", tb.Name, tb.Columns[j])
					} else {
						require.Equal(t, cell.Text, *got)
					}
				}
			}
		}
	}
	// the exported KPI revenue is the typed revenue, to the cent
	require.Equal(t, ex.Totals.Revenue.StringFixed(2), ex.Tables()[0].Rows[0][2].Text)
	rev, err := decimal.NewFromString(ex.Tables()[0].Rows[0][2].Text)
	require.NoError(t, err)
	require.True(t, rev.Equal(ex.Totals.Revenue))
	// 2024-01..03 has no previous period in the data: the comparison cells are null
	require.True(t, ex.Tables()[0].Rows[0][3].Null)
	js, err := json.Marshal(ex)
	require.NoError(t, err)
	require.Contains(t, string(js), `"revenue":"`+ex.Totals.Revenue.String()+`"`, "decimals are JSON strings")
}
